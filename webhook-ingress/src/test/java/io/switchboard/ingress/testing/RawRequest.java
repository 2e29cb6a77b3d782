package io.switchboard.ingress.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HTTP/1.1 request assembled byte by byte, so that it can say what no HTTP client lets it say:
 * a Content-Length that lies, bytes after the body, any method, any header bytes (ISO-8859-1, so
 * invalid UTF-8 stays as sent), a chunked body of any size. {@code Host} and the framing header
 * ({@code Content-Length}, or {@code Transfer-Encoding: chunked}) are added by {@link #bytes()}.
 */
public final class RawRequest {

    private String method = "POST";
    private String target;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private Long declaredLength;
    private int chunkSize;
    private byte[] trailing = new byte[0];

    private RawRequest(String target) {
        this.target = target;
    }

    public static RawRequest post(String target) {
        return new RawRequest(target);
    }

    public RawRequest method(String method) {
        this.method = method;
        return this;
    }

    public String target() {
        return target;
    }

    public RawRequest target(String target) {
        this.target = target;
        return this;
    }

    /** Adds a header line; a name sent before is sent again. */
    public RawRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Replaces every header of that name (any case) by this one, or removes them when {@code value} is null. */
    public RawRequest replaceHeader(String name, String value) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        return value == null ? this : header(name, value);
    }

    public byte[] body() {
        return body.clone();
    }

    public RawRequest body(byte[] body) {
        this.body = body.clone();
        return this;
    }

    public RawRequest body(String body) {
        return body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The Content-Length to declare instead of the body's real length. */
    public RawRequest declaredLength(long length) {
        this.declaredLength = length;
        return this;
    }

    /** Sends the body as chunks of this size instead of with a Content-Length. */
    public RawRequest chunked(int chunkSize) {
        this.chunkSize = chunkSize;
        return this;
    }

    /** Bytes written after the body, which the server will read as the start of a next request. */
    public RawRequest trailing(byte[] trailing) {
        this.trailing = trailing.clone();
        return this;
    }

    public byte[] bytes() {
        var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                header -> head.append(header[0]).append(": ").append(header[1]).append("\r\n"));
        if (chunkSize > 0) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else {
            long length = declaredLength == null ? body.length : declaredLength;
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunkSize > 0) {
            for (int from = 0; from < body.length; from += chunkSize) {
                byte[] chunk = Arrays.copyOfRange(body, from, Math.min(body.length, from + chunkSize));
                out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(chunk);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes(body);
        }
        out.writeBytes(trailing);
        return out.toByteArray();
    }
}
