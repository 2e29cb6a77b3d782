package io.switchboard.bench;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.signing.Ed25519Keys;

/**
 * The run's Twilio account and every secret the ingress needs, generated afresh for each run: the
 * ingress's event-signing key, the orchestrator's (which signs the account on accounts.v1), and the
 * AES key that seals the auth token there.
 */
record BenchAccount(
        String accountId,
        String accountSid,
        String authToken,
        Ed25519Keys.KeyPair ingressKeys,
        Ed25519Keys.KeyPair orchestratorKeys,
        String secretKeyId,
        String secretKey) {

    static BenchAccount generate() {
        return new BenchAccount(
                "bench",
                "AC" + randomHex(16),
                randomHex(16),
                Ed25519Keys.generate("bench-ingress-1"),
                Ed25519Keys.generate("bench-orchestrator-1"),
                "bench-1",
                SecretBox.generateKey());
    }

    SecretBox secretBox() {
        return new SecretBox(secretKeyId, Map.of(secretKeyId, secretKey));
    }

    /** What the ingress is started with, beside its own application.yml: the broker, its URL and its secrets. */
    Map<String, Object> ingressProperties(String bootstrapServers, String publicBaseUrl) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("switchboard.ingress.public-base-url", publicBaseUrl);
        properties.put("switchboard.events.signing.key-id", ingressKeys.keyId());
        properties.put("switchboard.events.signing.private-key", ingressKeys.privateKey());
        properties.put("switchboard.events.trusted-keys." + ingressKeys.keyId(), ingressKeys.publicKey());
        properties.put("switchboard.events.trusted-keys." + orchestratorKeys.keyId(), orchestratorKeys.publicKey());
        properties.put("switchboard.events.key-producers." + ingressKeys.keyId(), EventProducers.WEBHOOK_INGRESS);
        properties.put(
                "switchboard.events.key-producers." + orchestratorKeys.keyId(), EventProducers.CALL_ORCHESTRATOR);
        properties.put("switchboard.secrets.active-key-id", secretKeyId);
        properties.put("switchboard.secrets.keys." + secretKeyId, secretKey);
        return properties;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return "BenchAccount[accountId=" + accountId + ", accountSid=" + accountSid + "]";
    }
}
