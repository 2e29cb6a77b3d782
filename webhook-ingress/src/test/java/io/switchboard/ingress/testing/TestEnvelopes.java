package io.switchboard.ingress.testing;

import java.net.URI;
import java.util.Map;

import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.testsupport.TestEventKeys;

/** Envelopes with the run's test keys: verify what the ingress published, sign what a test sends it. */
public final class TestEnvelopes {

    private TestEnvelopes() {
    }

    public static EventEnvelopes create(String source) {
        var keys = TestEventKeys.keyPair();
        return new EventEnvelopes(URI.create(source), new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }

    /** Signs with a key the ingress does not trust: what these envelopes wrap is unverifiable there. */
    public static EventEnvelopes untrusted(String source) {
        var keys = TestEventKeys.untrustedKeyPair();
        return new EventEnvelopes(URI.create(source), new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }
}
