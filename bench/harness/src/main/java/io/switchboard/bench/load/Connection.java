package io.switchboard.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One keep-alive connection to the endpoint under test, carrying one request at a time. */
final class Connection {

    private final SocketChannel channel;
    private final ResponseReader reader = new ResponseReader();
    // Written by the sending thread before the request's bytes go out, read by the reading thread once
    // the answer is in.
    private volatile PreparedRequest inFlight;
    private volatile long startedAt;

    private Connection(SocketChannel channel) {
        this.channel = channel;
    }

    static Connection open(InetSocketAddress target) {
        try {
            SocketChannel channel = SocketChannel.open(target);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            return new Connection(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + target, e);
        }
    }

    SocketChannel channel() {
        return channel;
    }

    PreparedRequest inFlight() {
        return inFlight;
    }

    long startedAt() {
        return startedAt;
    }

    /** Sends the whole request; {@code startedAt} is when latency is counted from. */
    void send(PreparedRequest request, long startedAt) throws IOException {
        this.startedAt = startedAt;
        this.inFlight = request;
        ByteBuffer bytes = ByteBuffer.wrap(request.bytes());
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** Reads what arrived; the status once the whole answer is in, else {@link ResponseReader#INCOMPLETE}. */
    int read() throws IOException {
        while (true) {
            byte[] array = reader.array();
            int read = channel.read(ByteBuffer.wrap(array, reader.position(), array.length - reader.position()));
            if (read < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (read == 0) {
                return ResponseReader.INCOMPLETE;
            }
            reader.advance(read);
            int status = reader.complete();
            if (status != ResponseReader.INCOMPLETE) {
                return status;
            }
        }
    }

    /** The request whose answer just arrived; the connection is free again. */
    PreparedRequest finish() {
        PreparedRequest done = inFlight;
        inFlight = null;
        return done;
    }

    boolean serverWillClose() {
        return reader.closeAfter();
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
