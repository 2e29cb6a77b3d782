package io.switchboard.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;

import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.signing.Ed25519Keys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;

/**
 * Envelopes with the run's {@link TestEventKeys}: sign what a test publishes as the service that owns
 * each type would, and verify what the service under test published. For negative tests they also
 * sign with a key nobody trusts, or with one producer's trusted key whatever the type.
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

    /**
     * Signs each event with the key of the producer its type names (as every service under test
     * trusts it), and verifies as those services do.
     */
    public static EventEnvelopes trusted(String source) {
        var signers = new LinkedHashMap<String, EventSigner>();
        TestEventKeys.PRODUCERS.forEach(producer -> signers.put(producer, signer(TestEventKeys.keyPair(producer))));
        return EventEnvelopes.signingAsEachProducer(URI.create(source), signers, verifier());
    }

    /** Signs with a key no service under test trusts: what these envelopes wrap is unverifiable there. */
    public static EventEnvelopes untrusted(String source) {
        return new EventEnvelopes(URI.create(source), signer(TestEventKeys.untrustedKeyPair()), verifier());
    }

    /**
     * Signs every event with {@code producer}'s trusted key, whatever its type: an event of a type
     * another producer owns is refused by every service under test ({@code UnauthorizedSignerException}).
     */
    public static EventEnvelopes signedAs(String producer, String source) {
        return new EventEnvelopes(URI.create(source), signer(TestEventKeys.keyPair(producer)), verifier());
    }

    /** As {@link #signedAs(String, String)}, from {@value #TEST_SOURCE}. */
    public static EventEnvelopes signedAs(String producer) {
        return signedAs(producer, TEST_SOURCE);
    }

    /** Verifies as every service under test does: the run's keys, each with its producer. */
    public static EventVerifier verifier() {
        return new EventVerifier(TestEventKeys.trustedKeys(), TestEventKeys.keyProducers());
    }

    private static EventSigner signer(Ed25519Keys.KeyPair keys) {
        return new EventSigner(keys.keyId(), keys.privateKey());
    }
}
