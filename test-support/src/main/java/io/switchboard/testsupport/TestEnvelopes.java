package io.switchboard.testsupport;

import java.net.URI;
import java.util.Map;

import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.signing.Ed25519Keys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;

/**
 * Envelopes with the run's {@link TestEventKeys}: sign what a test publishes as another service would,
 * and verify what the service under test published.
 */
public final class TestEnvelopes {

    /** The source of what a test publishes when it does not stand in for a particular service. */
    public static final String TEST_SOURCE = "/test";

    private TestEnvelopes() {}

    /** As {@link #trusted(String)}, from {@value #TEST_SOURCE}. */
    public static EventEnvelopes trusted() {
        return trusted(TEST_SOURCE);
    }

    /** As {@link #untrusted(String)}, from {@value #TEST_SOURCE}. */
    public static EventEnvelopes untrusted() {
        return untrusted(TEST_SOURCE);
    }

    /** Signs with the key every service under test trusts, and verifies with it. */
    public static EventEnvelopes trusted(String source) {
        return of(source, TestEventKeys.keyPair());
    }

    /** Signs with a key no service under test trusts: what these envelopes wrap is unverifiable there. */
    public static EventEnvelopes untrusted(String source) {
        return of(source, TestEventKeys.untrustedKeyPair());
    }

    private static EventEnvelopes of(String source, Ed25519Keys.KeyPair keys) {
        return new EventEnvelopes(
                URI.create(source),
                new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }
}
