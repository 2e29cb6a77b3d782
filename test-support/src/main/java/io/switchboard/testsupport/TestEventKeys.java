package io.switchboard.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.signing.Ed25519Keys;

/**
 * Event-signing keys for tests and the local stack: one key pair per producer (service) per run, as
 * in production. Each service signs with its own producer's key and trusts every producer's key with
 * its producer ({@code switchboard.events.trusted-keys.*} and {@code switchboard.events.key-producers.*}),
 * so an event of a type signed with another producer's key is refused there.
 */
public final class TestEventKeys {

    /** The producers that have a key: every service of the catalogue's types, and the call log. */
    public static final List<String> PRODUCERS = List.of(
            EventProducers.WEBHOOK_INGRESS,
            EventProducers.CAMPAIGN_DIALER,
            EventProducers.CALL_ORCHESTRATOR,
            EventProducers.BILLING_SERVICE,
            EventProducers.CALL_LOG_SERVICE);

    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Map<String, Ed25519Keys.KeyPair> KEYS = generated();
    private static final Ed25519Keys.KeyPair UNTRUSTED = Ed25519Keys.generate("untrusted-" + RUN);

    private TestEventKeys() {}

    private static Map<String, Ed25519Keys.KeyPair> generated() {
        var keys = new LinkedHashMap<String, Ed25519Keys.KeyPair>();
        PRODUCERS.forEach(producer -> keys.put(producer, Ed25519Keys.generate("test-" + producer + "-" + RUN)));
        return Map.copyOf(keys);
    }

    /** The key pair {@code producer} signs with, trusted by every service as that producer's. */
    public static Ed25519Keys.KeyPair keyPair(String producer) {
        Ed25519Keys.KeyPair keys = KEYS.get(producer);
        if (keys == null) {
            throw new IllegalArgumentException("No test key for producer " + producer + "; there are " + PRODUCERS);
        }
        return keys;
    }

    /** A key pair no service is told to trust: what it signs is unverifiable everywhere. */
    public static Ed25519Keys.KeyPair untrustedKeyPair() {
        return UNTRUSTED;
    }

    /** Every producer's public key, by key id. */
    public static Map<String, String> trustedKeys() {
        var trusted = new LinkedHashMap<String, String>();
        PRODUCERS.forEach(producer ->
                trusted.put(keyPair(producer).keyId(), keyPair(producer).publicKey()));
        return trusted;
    }

    /** The producer of every trusted key, by key id. */
    public static Map<String, String> keyProducers() {
        var producers = new LinkedHashMap<String, String>();
        PRODUCERS.forEach(producer -> producers.put(keyPair(producer).keyId(), producer));
        return producers;
    }

    /**
     * The {@code switchboard.events.*} properties for a service publishing as {@code source}
     * ({@code /switchboard/<producer>}): it signs with its producer's key.
     */
    public static Map<String, String> properties(String source) {
        return properties(source, producerOf(source));
    }

    /** The properties for a service publishing as {@code source}, signing with {@code producer}'s key. */
    public static Map<String, String> properties(String source, String producer) {
        return properties(source, keyPair(producer), trustedKeys(), keyProducers());
    }

    public static Map<String, String> properties(
            String source, Ed25519Keys.KeyPair signing, Map<String, String> trusted, Map<String, String> producers) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("switchboard.events.source", source);
        properties.put("switchboard.events.signing.key-id", signing.keyId());
        properties.put("switchboard.events.signing.private-key", signing.privateKey());
        trusted.forEach((keyId, publicKey) -> properties.put("switchboard.events.trusted-keys." + keyId, publicKey));
        producers.forEach((keyId, producer) -> properties.put("switchboard.events.key-producers." + keyId, producer));
        return properties;
    }

    /** {@code /switchboard/billing-service} → {@code billing-service}. */
    static String producerOf(String source) {
        String producer = source.substring(source.lastIndexOf('/') + 1);
        if (!KEYS.containsKey(producer)) {
            throw new IllegalArgumentException(
                    "Source " + source + " names no producer with a test key (" + PRODUCERS + ")");
        }
        return producer;
    }
}
