package io.switchboard.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.signing.Ed25519Keys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;

/**
 * One producer's keys half-way through a rotation: the signing key it used to sign with and the one it
 * signs with now, and the credential-sealing key it used to seal with and the active one now, each with
 * an id of its own (so that tests on a shared broker count only their own). Builds what a test needs
 * on each side: envelopes signing with the old key, the owning service's configuration after the switch,
 * and readers that trust only the new keys, as they will once the old ones are retired.
 */
public final class TestKeyRotation {

    private final String producer;
    private final Ed25519Keys.KeyPair oldKey;
    private final Ed25519Keys.KeyPair newKey;
    private final String oldSealingKeyId;
    private final String oldSealingKey = SecretBox.generateKey();
    private final String newSealingKeyId;
    private final String newSealingKey = SecretBox.generateKey();

    private TestKeyRotation(String producer) {
        this.producer = producer;
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.oldKey = Ed25519Keys.generate(producer + "-old-" + run);
        this.newKey = Ed25519Keys.generate(producer + "-new-" + run);
        this.oldSealingKeyId = "sealing-old-" + run;
        this.newSealingKeyId = "sealing-new-" + run;
    }

    /** Fresh old and new keys of {@code producer} ({@code EventProducers}). */
    public static TestKeyRotation of(String producer) {
        return new TestKeyRotation(producer);
    }

    public String producer() {
        return producer;
    }

    public Ed25519Keys.KeyPair oldKey() {
        return oldKey;
    }

    public Ed25519Keys.KeyPair newKey() {
        return newKey;
    }

    public String oldSealingKeyId() {
        return oldSealingKeyId;
    }

    public String newSealingKeyId() {
        return newSealingKeyId;
    }

    /** Signs as the producer did before the switch, and verifies with both keys. */
    public EventEnvelopes oldEnvelopes(String source) {
        return new EventEnvelopes(URI.create(source), signer(oldKey), verifierTrustingBothKeys());
    }

    /** Signs as the producer does after the switch, and verifies with both keys. */
    public EventEnvelopes newEnvelopes(String source) {
        return new EventEnvelopes(URI.create(source), signer(newKey), verifierTrustingBothKeys());
    }

    /** Seals with the old key only: what the producer sealed before the switch. */
    public SecretBox oldSealingBox() {
        return new SecretBox(oldSealingKeyId, Map.of(oldSealingKeyId, oldSealingKey));
    }

    /** Opens with the new key only: a reader once the old sealing key is gone. */
    public SecretBox newSealingBoxOnly() {
        return new SecretBox(newSealingKeyId, Map.of(newSealingKeyId, newSealingKey));
    }

    /**
     * The owning service's configuration after the switch, as {@code switchboard.*} properties: it signs
     * with the new key, trusts both as the producer's, and holds both sealing keys with the new one active.
     */
    public Map<String, String> serviceProperties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("switchboard.events.signing.key-id", newKey.keyId());
        properties.put("switchboard.events.signing.private-key", newKey.privateKey());
        for (Ed25519Keys.KeyPair key : new Ed25519Keys.KeyPair[] {oldKey, newKey}) {
            properties.put("switchboard.events.trusted-keys." + key.keyId(), key.publicKey());
            properties.put("switchboard.events.key-producers." + key.keyId(), producer);
        }
        properties.put("switchboard.secrets.active-key-id", newSealingKeyId);
        properties.put("switchboard.secrets.keys." + oldSealingKeyId, oldSealingKey);
        properties.put("switchboard.secrets.keys." + newSealingKeyId, newSealingKey);
        return properties;
    }

    /**
     * Verifies as a reader that trusts only the new keys of {@code rotations}, each as its producer's:
     * the old keys retired.
     */
    public static EventVerifier verifierTrustingOnlyNewKeys(TestKeyRotation... rotations) {
        var trusted = new LinkedHashMap<String, String>();
        var producers = new LinkedHashMap<String, String>();
        for (TestKeyRotation rotation : rotations) {
            trusted.put(rotation.newKey.keyId(), rotation.newKey.publicKey());
            producers.put(rotation.newKey.keyId(), rotation.producer);
        }
        return new EventVerifier(trusted, producers);
    }

    /**
     * Envelopes of a reader that trusts only the new keys of {@code rotations} (it would sign with the first
     * one's new key): what a replay after the old keys are retired accepts.
     */
    public static EventEnvelopes readerTrustingOnlyNewKeys(String source, TestKeyRotation... rotations) {
        return new EventEnvelopes(
                URI.create(source), signer(rotations[0].newKey), verifierTrustingOnlyNewKeys(rotations));
    }

    private EventVerifier verifierTrustingBothKeys() {
        Map<String, String> trusted = Map.of(oldKey.keyId(), oldKey.publicKey(), newKey.keyId(), newKey.publicKey());
        Map<String, String> producers = Map.of(oldKey.keyId(), producer, newKey.keyId(), producer);
        return new EventVerifier(trusted, producers);
    }

    private static EventSigner signer(Ed25519Keys.KeyPair key) {
        return new EventSigner(key.keyId(), key.privateKey());
    }
}
