package io.switchboard.events.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.switchboard.events.deadletter.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service takes part in the event contract ({@code switchboard.events.*}).
 *
 * @param source         the CloudEvents {@code source} of what this service publishes, e.g. {@code /switchboard/webhook-ingress}
 * @param signing        this service's Ed25519 signing key (from a secret, never from yml)
 * @param trustedKeys    public keys (Base64, raw 32 bytes) by key id: what this service accepts
 * @param topicReplicas  replication factor when this service creates the catalogue's topics (default 1; 3 in production)
 * @param createTopics   whether to create the catalogue's topics at start-up (default true; off where the platform owns them)
 * @param publishTimeout how long a publish waits for the broker's acknowledgement before it fails (default 10s)
 * @param retry          how a record that failed for a transient reason is retried (without end)
 * @param stalls         when a partition held up by such a record makes the service unready
 * @param deadLetters    how the dead-letter backlog is watched
 */
@ConfigurationProperties("switchboard.events")
public record EventsProperties(
        URI source,
        Signing signing,
        Map<String, String> trustedKeys,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Stalls stalls,
        @DefaultValue DeadLetters deadLetters) {

    public EventsProperties {
        if (source == null) {
            throw new IllegalArgumentException("switchboard.events.source is required");
        }
        if (signing == null || signing.keyId() == null || signing.privateKey() == null) {
            throw new IllegalArgumentException(
                    "switchboard.events.signing.key-id and .private-key are required (set them from a secret)");
        }
        Settings.requirePositive(publishTimeout, "switchboard.events.publish-timeout");
        trustedKeys = trustedKeys == null ? Map.of() : Map.copyOf(trustedKeys);
    }

    /** @param keyId the id consumers know the public half by; @param privateKey Base64 raw 32-byte Ed25519 key */
    public record Signing(String keyId, String privateKey) {

        @Override
        public String toString() {
            return "Signing[keyId=" + keyId + "]";
        }
    }

    /**
     * @param initialInterval the first pause after a transient failure (default 500ms)
     * @param multiplier      growth of each next pause (default 2)
     * @param maxInterval     the longest pause (default 30s; keep it well under max.poll.interval.ms)
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval) {

        public Retry {
            policy(initialInterval, multiplier, maxInterval);
        }

        private static RetryPolicy policy(Duration initialInterval, double multiplier, Duration maxInterval) {
            try {
                return new RetryPolicy(initialInterval, multiplier, maxInterval);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("switchboard.events." + e.getMessage(), e);
            }
        }

        public RetryPolicy policy() {
            return new RetryPolicy(initialInterval, multiplier, maxInterval);
        }
    }

    /**
     * @param readinessDownAfter how long a partition may be stalled before readiness goes DOWN (default 30s)
     * @param forgetAfter        a stall with no failure for this long is no longer reported (its partition
     *                           moved to another instance; default 2m)
     */
    public record Stalls(
            @DefaultValue("30s") Duration readinessDownAfter,
            @DefaultValue("2m") Duration forgetAfter) {

        public Stalls {
            Settings.requirePositive(readinessDownAfter, "switchboard.events.stalls.readiness-down-after");
            Settings.requirePositive(forgetAfter, "switchboard.events.stalls.forget-after");
        }
    }

    /**
     * @param agedAfter    an unhandled dead letter older than this counts as aged and is alerted on
     *                     (default 21d, against the dead-letter topics' 30 days of retention)
     * @param checkEvery   how often the backlog is read (default 1m)
     */
    public record DeadLetters(
            @DefaultValue("21d") Duration agedAfter,
            @DefaultValue("1m") Duration checkEvery) {

        public DeadLetters {
            Settings.requirePositive(agedAfter, "switchboard.events.dead-letters.aged-after");
            Settings.requirePositive(checkEvery, "switchboard.events.dead-letters.check-every");
        }
    }
}
