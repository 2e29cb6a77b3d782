package io.switchboard.ingress.testing.fuzz;

import java.util.Random;
import java.util.UUID;

import io.switchboard.ingress.testing.RawRequest;
import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.testing.fuzz.FuzzTargets.VapiAccount;
import io.switchboard.testsupport.VapiSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * VAPI server messages as raw requests, authenticated as VAPI would for a secret-header or an
 * hmac-sha256 credential. Messages are compact JSON: cutting a byte off the end always breaks one.
 */
final class VapiRequests {

    static final String SECRET_HEADER = "X-Vapi-Secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FuzzTargets targets;

    VapiRequests(FuzzTargets targets) {
        this.targets = targets;
    }

    static String path(String accountId) {
        return "/webhooks/vapi/" + accountId;
    }

    /** A valid message of one of the four types we publish from, as a tree to change. */
    ObjectNode validMessage(Random random) {
        String callId = new UUID(random.nextLong(), random.nextLong()).toString();
        byte[] fixture = switch (random.nextInt(5)) {
            case 0 -> VapiMessages.statusUpdate(callId, FuzzValues.pick(random, "queued", "ringing", "in-progress"));
            case 1 -> VapiMessages.statusUpdate(callId, "ended", "customer-busy");
            case 2 -> VapiMessages.endOfCallReport(callId);
            case 3 -> VapiMessages.hang(callId);
            default -> VapiMessages.assistantRequest(callId);
        };
        return (ObjectNode) JSON.readTree(fixture);
    }

    static ObjectNode message(ObjectNode root) {
        return (ObjectNode) root.get("message");
    }

    static byte[] bytes(JsonNode root) {
        return JSON.writeValueAsBytes(root);
    }

    /** Posted to the secret-header or the hmac-sha256 account with its correct credential. */
    RawRequest authenticated(Random random, byte[] body) {
        return FuzzValues.chance(random, 0.5)
                ? withSecret(body, targets.vapiSecret().secret())
                : signed(body, targets.vapiHmac().secret(), VapiSignatures.now());
    }

    RawRequest withSecret(byte[] body, String secret) {
        return json(targets.vapiSecret().id(), body).header(SECRET_HEADER, secret);
    }

    RawRequest signed(byte[] body, String secret, String timestamp) {
        return json(targets.vapiHmac().id(), body)
                .header(VapiSignatures.TIMESTAMP_HEADER, timestamp)
                .header(VapiSignatures.SIGNATURE_HEADER, VapiSignatures.sign(secret, timestamp, body));
    }

    static RawRequest json(String accountId, byte[] body) {
        return RawRequest.post(path(accountId))
                .header("Content-Type", "application/json")
                .body(body);
    }

    VapiAccount secretAccount() {
        return targets.vapiSecret();
    }

    VapiAccount hmacAccount() {
        return targets.vapiHmac();
    }

    /** A valid, authenticated server message: what the fuzz then breaks. */
    RawRequest valid(Random random) {
        return authenticated(random, bytes(validMessage(random)));
    }
}
