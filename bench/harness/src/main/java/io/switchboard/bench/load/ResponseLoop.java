package io.switchboard.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads the answers of every connection on one thread (a selector), records each one, and hands the
 * connection back: {@code onFree} once its answer is in, {@code onLost} when it broke or timed out.
 */
final class ResponseLoop implements AutoCloseable {

    private static final long TIMEOUT_SCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Selector selector;
    private final Queue<Connection> joining = new ConcurrentLinkedQueue<>();
    private final Outcomes outcomes;
    private final long timeoutNanos;
    private final Consumer<Connection> onFree;
    private final Consumer<Connection> onLost;

    ResponseLoop(Outcomes outcomes, long timeoutNanos, Consumer<Connection> onFree, Consumer<Connection> onLost) {
        this.outcomes = outcomes;
        this.timeoutNanos = timeoutNanos;
        this.onFree = onFree;
        this.onLost = onLost;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** May be called from any thread. */
    void add(Connection connection) {
        joining.add(connection);
        selector.wakeup();
    }

    /** Runs until {@code done} says so. */
    void run(BooleanSupplier done) {
        long nextScan = System.nanoTime() + TIMEOUT_SCAN_NANOS;
        try {
            while (!done.getAsBoolean()) {
                selector.select(10);
                registerJoining();
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    readable((Connection) key.attachment(), key, now);
                }
                selector.selectedKeys().clear();
                if (now >= nextScan) {
                    expireStuck(now);
                    nextScan = now + TIMEOUT_SCAN_NANOS;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void registerJoining() throws ClosedChannelException {
        Connection connection;
        while ((connection = joining.poll()) != null) {
            connection.channel().register(selector, SelectionKey.OP_READ, connection);
        }
    }

    private void readable(Connection connection, SelectionKey key, long now) {
        try {
            int status = connection.read();
            if (status == ResponseReader.INCOMPLETE) {
                return;
            }
            long startedAt = connection.startedAt();
            PreparedRequest request = connection.finish();
            if (request == null) {
                throw new IOException("an answer nobody asked for");
            }
            outcomes.answered(status, request, startedAt, System.nanoTime());
            if (connection.serverWillClose()) {
                drop(connection, key);
            } else {
                onFree.accept(connection);
            }
        } catch (IOException e) {
            if (connection.finish() != null) {
                outcomes.failed();
            }
            drop(connection, key);
        }
    }

    private void expireStuck(long now) {
        for (SelectionKey key : selector.keys()) {
            Connection connection = (Connection) key.attachment();
            if (connection.inFlight() != null && now - connection.startedAt() > timeoutNanos) {
                connection.finish();
                outcomes.timedOut();
                drop(connection, key);
            }
        }
    }

    private void drop(Connection connection, SelectionKey key) {
        key.cancel();
        connection.close();
        onLost.accept(connection);
    }

    @Override
    public void close() {
        for (SelectionKey key : selector.keys()) {
            ((Connection) key.attachment()).close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
