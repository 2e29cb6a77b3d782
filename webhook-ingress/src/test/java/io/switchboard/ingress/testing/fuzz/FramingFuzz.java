package io.switchboard.ingress.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.switchboard.ingress.testing.RawRequest;
import io.switchboard.testsupport.FormBodies;
import io.switchboard.testsupport.TwilioSignatures;
import io.switchboard.testsupport.VapiSignatures;

/**
 * Requests broken at the HTTP level, most of them made from a valid, correctly signed webhook:
 * headers or request line over Netty's limits, the wrong content type or method, a body of random
 * bytes, bytes that are not HTTP at all.
 */
final class FramingFuzz {

    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "text/xml",
            "application/xml",
            "application/octet-stream",
            "multipart/form-data; boundary=x",
            "text/html; charset=utf-8",
            "image/png",
            "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "application/json; charset=UTF-16",
            "application/json; charset=windows-1252",
            "application/x-www-form-urlencoded; charset=no-such-charset",
            "garbage",
            "application/");
    /** Not OPTIONS: Spring answers it 200 with the allowed methods, which is what it asks for; no webhook is read. */
    private static final List<String> WRONG_METHODS =
            List.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "TRACE", "CONNECT", "post", "Post", "PROPFIND", "FOO");

    private static final List<String> BROKEN_HEADER_LINES = List.of(
            "NoColonHeader",
            "Bad Name: x",
            "X-Nul: a\u0000b",
            " folded-continuation",
            "Content-Length: abc",
            "Content-Length: 5\r\nContent-Length: 6",
            "Transfer-Encoding: chunked",
            "X-Bare-LF: x\nX-Other: y",
            ": no-name");
    private static final List<String> BROKEN_REQUEST_LINES = List.of(
            "POST /webhooks/twilio/x/status HTTP/9.9",
            "POST  HTTP/1.1",
            "POST /a b c HTTP/1.1",
            "\u0000POST / HTTP/1.1",
            "POST http://[::1 HTTP/1.1",
            "POST /webhooks/twilio/x/status",
            "/webhooks/twilio/x/status HTTP/1.1");

    private final TwilioRequests twilio;
    private final VapiRequests vapi;
    private final ValidWebhooks valid;

    FramingFuzz(TwilioRequests twilio, VapiRequests vapi, ValidWebhooks valid) {
        this.twilio = twilio;
        this.vapi = vapi;
        this.valid = valid;
    }

    byte[] randomBody(Random random) {
        String target = FuzzValues.chance(random, 0.7)
                ? twilio.target(random, TwilioEndpoint.any(random), twilio.anyAccountId(random))
                : VapiRequests.path(FuzzValues.pick(
                        random, vapi.secretAccount().id(), vapi.hmacAccount().id(), twilio.anyAccountId(random)));
        byte[] body = switch (random.nextInt(3)) {
            case 0 -> FuzzValues.bytes(random, 0, 2000);
            case 1 ->
                (FuzzValues.alnum(random, 0, 40) + "=" + FuzzValues.alnum(random, 0, 40) + "&"
                                + FuzzValues.alnum(random, 0, 200))
                        .getBytes(StandardCharsets.US_ASCII);
            default ->
                ("{\"" + FuzzValues.alnum(random, 0, 20) + "\":" + FuzzValues.alnum(random, 0, 20))
                        .getBytes(StandardCharsets.US_ASCII);
        };
        String contentType = FuzzValues.pick(random, FormBodies.CONTENT_TYPE, "application/json");
        return switch (random.nextInt(4)) {
            case 0 ->
                RawRequest.post(target)
                        .header("Content-Type", contentType)
                        .body(body)
                        .bytes();
            case 1 ->
                RawRequest.post(target)
                        .header("Content-Type", contentType)
                        .body(body)
                        .header(TwilioSignatures.HEADER, TwilioRequests.garbledSignature(random))
                        .bytes();
            case 2 -> vapi.withSecret(body, vapi.secretAccount().secret()).bytes();
            default ->
                vapi.signed(body, vapi.hmacAccount().secret(), VapiSignatures.now())
                        .bytes();
        };
    }

    byte[] garbage(Random random) {
        int variant = random.nextInt(4);
        if (variant == 2) {
            return withHeaderLine(
                    twilio.valid(random)
                            .replaceHeader(TwilioSignatures.HEADER, TwilioRequests.garbledSignature(random))
                            .bytes(),
                    FuzzValues.pick(random, BROKEN_HEADER_LINES));
        }
        byte[] head = switch (variant) {
            case 0 -> FuzzValues.bytes(random, 1, 1000);
            case 1 ->
                (FuzzValues.alnum(random, 1, 30) + " " + FuzzValues.alnum(random, 0, 30) + " "
                                + FuzzValues.alnum(random, 0, 30))
                        .getBytes(StandardCharsets.US_ASCII);
            default -> FuzzValues.pick(random, BROKEN_REQUEST_LINES).getBytes(StandardCharsets.ISO_8859_1);
        };
        // Ended by an empty line, so that the server has a whole (broken) head to answer.
        return FuzzValues.concat(head, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    byte[] hugeHeaders(Random random) {
        RawRequest request = valid.any(random);
        switch (random.nextInt(4)) {
            case 0 -> request.header("X-Padding", "x".repeat(8_500 + random.nextInt(12_000)));
            case 1 -> {
                for (int i = 150 + random.nextInt(250); i > 0; i--) {
                    request.header("X-H" + i, FuzzValues.alnum(random, 60, 100));
                }
            }
            case 2 -> request.header("Cookie", "session=" + FuzzValues.alnum(random, 9_000, 16_000));
            default ->
                request.replaceHeader(
                        ValidWebhooks.isVapi(request) ? VapiSignatures.SIGNATURE_HEADER : TwilioSignatures.HEADER,
                        FuzzValues.alnum(random, 9_000, 12_000));
        }
        return request.bytes();
    }

    byte[] longRequestLine(Random random) {
        RawRequest request = valid.any(random);
        String pad = FuzzValues.alnum(random, 4_200, 12_000);
        switch (random.nextInt(3)) {
            case 0 -> request.target(request.target() + (request.target().contains("?") ? "&" : "?") + "pad=" + pad);
            case 1 -> request.target(request.target().replaceFirst("/webhooks/", "/webhooks/" + pad + "/"));
            default -> request.method("POST" + pad);
        }
        return request.bytes();
    }

    byte[] wrongContentType(Random random) {
        RawRequest request = valid.any(random);
        String swapped = ValidWebhooks.isVapi(request) || request.target().contains("bodySHA256")
                ? FormBodies.CONTENT_TYPE
                : "application/json";
        return request.replaceHeader(
                        "Content-Type",
                        switch (random.nextInt(3)) {
                            case 0 -> null;
                            case 1 -> swapped;
                            default -> FuzzValues.pick(random, WRONG_CONTENT_TYPES);
                        })
                .bytes();
    }

    byte[] wrongMethod(Random random) {
        return valid.any(random).method(FuzzValues.pick(random, WRONG_METHODS)).bytes();
    }

    /** The request with one more header line right after the request line. */
    private static byte[] withHeaderLine(byte[] request, String line) {
        int afterRequestLine = indexOf(request, (byte) '\n') + 1;
        return FuzzValues.concat(
                Arrays.copyOf(request, afterRequestLine),
                (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                Arrays.copyOfRange(request, afterRequestLine, request.length));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
