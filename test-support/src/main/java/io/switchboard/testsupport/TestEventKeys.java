package io.switchboard.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.events.signing.Ed25519Keys;

/**
 * Event-signing keys for tests and the local stack: one key pair per run, trusted by every
 * service, handed to each as {@code switchboard.events.*} properties.
 */
public final class TestEventKeys {

    private static final Ed25519Keys.KeyPair KEYS = Ed25519Keys.generate("test-" + Long.toHexString(System.nanoTime()));
    private static final Ed25519Keys.KeyPair UNTRUSTED =
            Ed25519Keys.generate("untrusted-" + Long.toHexString(System.nanoTime()));

    private TestEventKeys() {}

    public static Ed25519Keys.KeyPair keyPair() {
        return KEYS;
    }

    /** A key pair no service is told to trust: what it signs is unverifiable everywhere. */
    public static Ed25519Keys.KeyPair untrustedKeyPair() {
        return UNTRUSTED;
    }

    /** The {@code switchboard.events.*} properties for a service publishing as {@code source}. */
    public static Map<String, String> properties(String source) {
        return properties(source, KEYS, Map.of(KEYS.keyId(), KEYS.publicKey()));
    }

    public static Map<String, String> properties(
            String source, Ed25519Keys.KeyPair signing, Map<String, String> trusted) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("switchboard.events.source", source);
        properties.put("switchboard.events.signing.key-id", signing.keyId());
        properties.put("switchboard.events.signing.private-key", signing.privateKey());
        trusted.forEach((keyId, publicKey) -> properties.put("switchboard.events.trusted-keys." + keyId, publicKey));
        return properties;
    }
}
