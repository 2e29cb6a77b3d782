package io.switchboard.events.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

import io.switchboard.events.deadletter.RetryPolicy;
import io.switchboard.events.envelope.EventProducers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service takes part in the event contract ({@code switchboard.events.*}).
 *
 * @param source         the CloudEvents {@code source} of what this service publishes, e.g. {@code /switchboard/webhook-ingress}
 * @param signing        this service's Ed25519 signing key (from a secret, never from yml)
 * @param trustedKeys    public keys (Base64, raw 32 bytes) by key id: what this service accepts
 * @param keyProducers   the producer (service, e.g. {@code webhook-ingress}) each trusted key belongs to, by key
 *                       id: an event is accepted only signed by a key of a producer its type names
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
        Map<String, String> keyProducers,
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
        keyProducers = keyProducers == null ? Map.of() : Map.copyOf(keyProducers);
        requireProducers(trustedKeys, keyProducers);
    }

    /** Every trusted key belongs to a producer, and every producer entry names a trusted key (not a typo). */
    private static void requireProducers(Map<String, String> trustedKeys, Map<String, String> keyProducers) {
        for (String keyId : new TreeSet<>(trustedKeys.keySet())) {
            String producer = keyProducers.get(keyId);
            if (producer == null || producer.isBlank()) {
                throw new IllegalArgumentException("switchboard.events.key-producers." + keyId
                        + " is required: the service the trusted key " + keyId + " belongs to (e.g. "
                        + EventProducers.WEBHOOK_INGRESS + "), which limits the event types it may sign");
            }
            if (!EventProducers.isValidName(producer)) {
                throw new IllegalArgumentException("switchboard.events.key-producers." + keyId
                        + " must be a service name (lower-case letters, digits and dashes), not " + producer);
            }
        }
        for (String keyId : new TreeSet<>(keyProducers.keySet())) {
            if (!trustedKeys.containsKey(keyId)) {
                throw new IllegalArgumentException("switchboard.events.key-producers." + keyId
                        + " names a key that is not trusted: set switchboard.events.trusted-keys." + keyId
                        + " or remove it");
            }
        }
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
