package io.switchboard.ingress.testing.fuzz;

import java.time.Duration;

/**
 * One generated bad request: the bytes to write, whether the client then gives up on its side of
 * the connection, how many answers may come (a body longer than declared makes two requests), and
 * how long to wait for each.
 */
public record FuzzCase(
        int index, FuzzCategory category, byte[] request, boolean closeOutput, int answers, Duration timeout) {

    private static final int SHOWN_BYTES = 400;

    /** The start of the request, printable, for a failure message. */
    public String excerpt() {
        int length = Math.min(request.length, SHOWN_BYTES);
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int b = request[i] & 0xff;
            if (b == '\r') {
                text.append("\\r");
            } else if (b == '\n') {
                text.append("\\n");
            } else if (b < 0x20 || b >= 0x7f) {
                text.append(String.format("\\x%02x", b));
            } else {
                text.append((char) b);
            }
        }
        return text + (request.length > length ? "… (" + request.length + " bytes)" : "");
    }
}
