package io.switchboard.ingress.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import io.switchboard.ingress.testing.RawRequest;
import io.switchboard.testsupport.VapiSignatures;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad VAPI server messages: bodies that are not one JSON object with an object {@code message}
 * that has what its type needs, posted with the correct credential (must be 400) or without it
 * (must be 401/403, whatever the body).
 */
final class VapiFuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final VapiRequests vapi;

    VapiFuzz(VapiRequests vapi) {
        this.vapi = vapi;
    }

    byte[] authenticatedInvalid(Random random) {
        return vapi.authenticated(random, invalidBody(random)).bytes();
    }

    byte[] unauthenticated(Random random) {
        byte[] body =
                FuzzValues.chance(random, 0.5) ? VapiRequests.bytes(vapi.validMessage(random)) : invalidBody(random);
        return unauthenticated(random, body).bytes();
    }

    /** A valid message whose type is not UTF-8, authenticated, or not. */
    byte[] invalidUtf8(Random random) {
        String json = new String(VapiRequests.bytes(vapi.validMessage(random)), StandardCharsets.UTF_8);
        int at = json.indexOf("\"type\":\"") + 8;
        var body = new ByteArrayOutputStream();
        body.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(FuzzValues.invalidUtf8(random));
        body.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
        return FuzzValues.chance(random, 0.7)
                ? vapi.authenticated(random, body.toByteArray()).bytes()
                : unauthenticated(random, body.toByteArray()).bytes();
    }

    private byte[] invalidBody(Random random) {
        ObjectNode root = vapi.validMessage(random);
        return switch (random.nextInt(4)) {
            case 0 -> malformed(random, new String(VapiRequests.bytes(root), StandardCharsets.UTF_8));
            case 1 -> duplicateMember(random, new String(VapiRequests.bytes(root), StandardCharsets.UTF_8));
            case 2 -> withoutMessage(random, root);
            default -> wrongTyped(random, root);
        };
    }

    private static byte[] malformed(Random random, String json) {
        String broken = switch (random.nextInt(7)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> json + FuzzValues.pick(random, " x", "{}", "]", ",", " null", "\"extra\"");
            case 2 -> json.replaceFirst(":", "=");
            case 3 -> json.replace('"', '\'');
            case 4 -> json.replaceFirst("\\{\"message\":\\{", "{\"message\":{\"cost\":NaN,");
            case 5 -> "/*c*/" + json;
            default -> FuzzValues.pick(random, "", "null", "[]", "42", "\"message\"", "true", "[{\"message\":{}}]");
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateMember(Random random, String json) {
        String duplicated = switch (random.nextInt(3)) {
            case 0 -> json.replaceFirst("\\{\"message\":\\{", "{\"message\":{\"type\":\"hang\",");
            case 1 -> json.substring(0, json.length() - 1) + ",\"message\":{\"type\":\"hang\"}}";
            default ->
                json.replaceFirst("\"call\":\\{", "\"call\":{\"id\":\"" + FuzzValues.alnum(random, 1, 8) + "\",");
        };
        return duplicated.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withoutMessage(Random random, ObjectNode root) {
        var message = root.remove("message");
        switch (random.nextInt(4)) {
            case 0 -> root.set("msg", message);
            case 1 -> root.putNull("message");
            case 2 -> root.put("message", "status-update");
            default -> root.set("message", NODES.arrayNode().add(message));
        }
        return VapiRequests.bytes(root);
    }

    /** A field every message type reads, or one its own type reads, with a shape it cannot have. */
    private static byte[] wrongTyped(Random random, ObjectNode root) {
        ObjectNode message = VapiRequests.message(root);
        String type = message.get("type").stringValue();
        int choice = random.nextInt(5);
        if (choice == 0) {
            wrongShape(random, message, "type", true);
        } else if (choice == 1) {
            wrongShape(random, (ObjectNode) message.get("call"), "id", true);
        } else if (choice == 2) {
            wrongShape(random, message, "timestamp", false);
        } else if (type.equals("status-update")) {
            message.put("status", FuzzValues.pick(random, "answered", "RINGING", "", "ended ", "unknown"));
        } else if (type.equals("end-of-call-report")) {
            message.put(FuzzValues.pick(random, "cost", "startedAt"), FuzzValues.pick(random, "0.12x", "yesterday"));
        } else {
            message.remove("call");
        }
        return VapiRequests.bytes(root);
    }

    /** Not a non-blank string (or, for a timestamp, not a number): absent, blank, or another JSON type. */
    private static void wrongShape(Random random, ObjectNode parent, String field, boolean requiredText) {
        switch (random.nextInt(requiredText ? 7 : 4)) {
            case 0 -> parent.put(field, true);
            case 1 -> parent.set(field, NODES.arrayNode().add("x"));
            case 2 -> parent.set(field, NODES.objectNode().put("value", "x"));
            case 3 -> parent.put(field, requiredText ? "   " : "yesterday");
            case 4 -> parent.put(field, 42);
            case 5 -> parent.put(field, "");
            default -> parent.remove(field);
        }
    }

    private RawRequest unauthenticated(Random random, byte[] body) {
        String secret = vapi.secretAccount().secret();
        String hmacSecret = vapi.hmacAccount().secret();
        String now = VapiSignatures.now();
        return switch (random.nextInt(12)) {
            case 0 -> VapiRequests.json(vapi.secretAccount().id(), body);
            case 1 -> vapi.withSecret(body, FuzzValues.pick(random, " ", secret + "x", "Bearer " + secret, hmacSecret));
            case 2 -> vapi.withSecret(body, FuzzValues.alnum(random, 1, 64));
            case 3 -> VapiRequests.json(vapi.secretAccount().id(), body).header("Authorization", "Bearer " + secret);
            case 4 -> vapi.signed(body, secret, now);
            case 5 -> vapi.signed(body, hmacSecret, now).replaceHeader(VapiSignatures.TIMESTAMP_HEADER, stale(random));
            case 6 -> vapi.signed(body, hmacSecret, FuzzValues.pick(random, "yesterday", "soon", "12:00"));
            case 7 -> vapi.signed(body, hmacSecret, stale(random));
            case 8 -> vapi.signed(body, hmacSecret, now).replaceHeader(VapiSignatures.SIGNATURE_HEADER, null);
            case 9 -> vapi.signed(body, hmacSecret, now).replaceHeader(VapiSignatures.TIMESTAMP_HEADER, null);
            case 10 ->
                vapi.signed(body, hmacSecret, now)
                        .replaceHeader(
                                VapiSignatures.SIGNATURE_HEADER,
                                FuzzValues.pick(random, "sha256=", "", "zz") + FuzzValues.alnum(random, 1, 64));
            default -> vapi.signed(body, hmacSecret, now).body(tampered(body));
        };
    }

    /** Outside the 5 minute tolerance, in the past or the future, in seconds or milliseconds. */
    private static String stale(Random random) {
        long offset = (301 + random.nextInt(86_400)) * (random.nextBoolean() ? 1L : -1L);
        Instant at = Instant.now().plusSeconds(offset);
        return random.nextBoolean() ? String.valueOf(at.getEpochSecond()) : String.valueOf(at.toEpochMilli());
    }

    private static byte[] tampered(byte[] body) {
        byte[] tampered = body.length == 0 ? new byte[] {' '} : body.clone();
        tampered[tampered.length / 2] ^= 0x01;
        return tampered;
    }
}
