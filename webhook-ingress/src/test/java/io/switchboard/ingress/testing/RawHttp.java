package io.switchboard.ingress.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, for requests no well-behaved client sends: a Content-Length that lies,
 * a body cut short. Answers the status of the first response, or -1 when the server closed the
 * connection (or stayed silent for the timeout) without one.
 */
public final class RawHttp {

    private RawHttp() {}

    public static int firstStatus(int port, String head, byte[] body, boolean closeOutput, int timeoutMillis) {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(timeoutMillis);
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            if (closeOutput) {
                socket.shutdownOutput();
            }
            return status(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                return -1;
            }
            throw new UncheckedIOException(e);
        }
    }

    private static int status(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        String statusLine = line.toString(StandardCharsets.ISO_8859_1);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            return -1;
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }
}
