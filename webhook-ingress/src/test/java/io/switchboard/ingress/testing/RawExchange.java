package io.switchboard.ingress.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes raw bytes to the server on a fresh connection and reads the status of each answer, up to
 * the number expected (a body longer than its Content-Length makes a second request of its rest),
 * telling apart how the exchange ended: the server closed or reset the connection, stayed silent
 * for the timeout, or left it open after the last expected answer.
 */
public final class RawExchange {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})");

    public enum Ending {
        OPEN,
        CLOSED,
        RESET,
        SILENT
    }

    /** The status of every answer read, in order, and how the exchange ended. */
    public record Answers(List<Integer> statuses, Ending ending) {

        public boolean anyServerError() {
            return statuses.stream().anyMatch(status -> status >= 500);
        }

        @Override
        public String toString() {
            var parts = new ArrayList<String>();
            statuses.forEach(status -> parts.add(String.valueOf(status)));
            if (ending != Ending.OPEN) {
                parts.add(ending.name().toLowerCase(Locale.ROOT));
            }
            return String.join("+", parts);
        }
    }

    private RawExchange() {}

    /**
     * @param closeOutput half-close after writing, as a client that gives up on the rest of its body
     * @param answers     how many answers to read at most
     * @param timeout     how long to wait for each read
     */
    public static Answers send(int port, byte[] request, boolean closeOutput, int answers, Duration timeout) {
        var statuses = new ArrayList<Integer>();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (closeOutput) {
                    socket.shutdownOutput();
                }
            } catch (SocketException refusedWhileWriting) {
                // The server may answer and close before reading it all (e.g. 413); its answer can still be read.
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (statuses.size() < answers) {
                statuses.add(readAnswer(in, statuses.size() < answers - 1));
            }
            return new Answers(statuses, Ending.OPEN);
        } catch (EOFException e) {
            return new Answers(statuses, Ending.CLOSED);
        } catch (SocketTimeoutException e) {
            return new Answers(statuses, Ending.SILENT);
        } catch (SocketException e) {
            return new Answers(statuses, Ending.RESET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer's status; its body is skipped only when another answer is to be read after it. */
    private static int readAnswer(InputStream in, boolean skipBody) throws IOException {
        String statusLine = line(in);
        // Any version: Netty answers a request line's unknown HTTP/9.9 in kind.
        Matcher matcher = STATUS_LINE.matcher(statusLine);
        if (!matcher.lookingAt()) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(matcher.group(1));
        long contentLength = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (skipBody) {
            skipBody(in, contentLength, chunked);
        }
        return status;
    }

    private static void skipBody(InputStream in, long contentLength, boolean chunked) throws IOException {
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (contentLength > 0) {
            skip(in, contentLength);
        }
    }

    private static void skip(InputStream in, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            if (in.read() < 0) {
                throw new EOFException();
            }
        }
    }

    /** One CRLF-terminated line, without its terminator; EOF before any byte of it is an {@link EOFException}. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
