package io.switchboard.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 responses off one keep-alive connection: the status line, then a body framed by
 * Content-Length or chunked encoding. One response at a time (the driver never pipelines), so the
 * buffer is parsed from its start whenever more bytes arrive; answers here are a few hundred bytes.
 */
final class ResponseReader {

    static final int INCOMPLETE = -1;

    private byte[] buffer = new byte[4096];
    private int length;
    private boolean closeAfter;

    /** Room for the next read: the array and the offset and length to read into. */
    byte[] array() {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        return buffer;
    }

    int position() {
        return length;
    }

    void advance(int read) {
        length += read;
    }

    /** Whether the last complete response said {@code Connection: close}. */
    boolean closeAfter() {
        return closeAfter;
    }

    /** The status of the response once it has fully arrived ({@link #INCOMPLETE} until then). */
    int complete() {
        int headEnd = indexOf(buffer, length, 0, "\r\n\r\n");
        if (headEnd < 0) {
            return INCOMPLETE;
        }
        int bodyStart = headEnd + 4;
        String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        closeAfter = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                closeAfter = value.equalsIgnoreCase("close");
            }
        }
        int end = chunked ? chunkedEnd(bodyStart) : bodyStart + (int) Math.max(contentLength, 0);
        if (end < 0 || end > length) {
            return INCOMPLETE;
        }
        System.arraycopy(buffer, end, buffer, 0, length - end);
        length -= end;
        return status;
    }

    private int chunkedEnd(int from) {
        int at = from;
        while (true) {
            int lineEnd = indexOf(buffer, length, at, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            String sizeField = new String(buffer, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int extension = sizeField.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeField : sizeField.substring(0, extension)).trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                int trailerEnd = indexOf(buffer, length, at - 2, "\r\n\r\n");
                return trailerEnd < 0 ? -1 : trailerEnd + 4;
            }
            at += size + 2;
            if (at > length) {
                return -1;
            }
        }
    }

    private static int indexOf(byte[] bytes, int length, int from, String needle) {
        outer:
        for (int i = from; i <= length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (bytes[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
