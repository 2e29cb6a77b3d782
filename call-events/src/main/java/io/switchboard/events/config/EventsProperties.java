package io.switchboard.events.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service takes part in the event contract ({@code switchboard.events.*}).
 *
 * @param source         the CloudEvents {@code source} of what this service publishes, e.g. {@code /switchboard/webhook-ingress}
 * @param signing        this service's Ed25519 signing key (from a secret, never from yml)
 * @param trustedKeys    public keys (Base64, raw 32 bytes) by key id: what this service accepts
 * @param topicReplicas  replication factor when this service creates the catalogue's topics (default 1; 3 in production)
 * @param createTopics   whether to create the catalogue's topics at start-up (default true; off where Strimzi owns them)
 * @param retryAttempts  how many times a failing record is retried before it is dead-lettered (default 3)
 * @param retryBackoff   the pause between those retries (default 500ms)
 */
@ConfigurationProperties("switchboard.events")
public record EventsProperties(
        URI source,
        Signing signing,
        Map<String, String> trustedKeys,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryBackoff) {

    public EventsProperties {
        if (source == null) {
            throw new IllegalArgumentException("switchboard.events.source is required");
        }
        if (signing == null || signing.keyId() == null || signing.privateKey() == null) {
            throw new IllegalArgumentException(
                    "switchboard.events.signing.key-id and .private-key are required (set them from a secret)");
        }
        trustedKeys = trustedKeys == null ? Map.of() : Map.copyOf(trustedKeys);
    }

    /** @param keyId the id consumers know the public half by; @param privateKey Base64 raw 32-byte Ed25519 key */
    public record Signing(String keyId, String privateKey) {

        @Override
        public String toString() {
            return "Signing[keyId=" + keyId + "]";
        }
    }
}
