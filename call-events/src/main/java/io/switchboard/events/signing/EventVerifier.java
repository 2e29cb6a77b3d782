package io.switchboard.events.signing;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventProducers;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies envelope signatures against the public keys this service trusts, by key id, and says which
 * producer (service) the signing key belongs to, so that the envelope can check the producer may sign the
 * event's type. Keys rotate by adding the new key id here before producers switch to it, and removing
 * the old one after.
 *
 * <p>A batch-signed envelope ({@link EventSigner#signAll}) verifies through its inclusion path to
 * the signed root. Its batch's other envelopes carry the same signature, so a batch whose signature
 * verified is remembered (by key id and signature) and theirs cost only the path's hashes: a
 * remembered signature vouches only for the exact size and root it was checked against.
 */
public final class EventVerifier {

    /** Verified batch messages (size and root) remembered; past this many the memory starts again (batches arrive together). */
    private static final int MAX_REMEMBERED_ROOTS = 4096;

    private final Map<String, Ed25519PublicKeyParameters> trustedKeys;
    private final Map<String, String> producersByKeyId;
    private final Map<String, byte[]> verifiedRoots = new ConcurrentHashMap<>();

    /**
     * @param base64PublicKeysById the trusted public keys (Base64, raw 32 bytes) by key id
     * @param producersByKeyId     the producer ({@code EventProducers}) each trusted key belongs to: every
     *                             trusted key needs one, and a producer names no key that is not trusted
     */
    public EventVerifier(Map<String, String> base64PublicKeysById, Map<String, String> producersByKeyId) {
        for (String keyId : base64PublicKeysById.keySet()) {
            String producer = producersByKeyId.get(keyId);
            if (!EventProducers.isValidName(producer)) {
                throw new IllegalArgumentException(
                        "trusted key " + keyId + " needs the producer it belongs to, not " + producer);
            }
        }
        for (String keyId : producersByKeyId.keySet()) {
            if (!base64PublicKeysById.containsKey(keyId)) {
                throw new IllegalArgumentException("key " + keyId + " has a producer but is not trusted");
            }
        }
        this.trustedKeys = base64PublicKeysById.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        e -> new Ed25519PublicKeyParameters(Base64.getDecoder().decode(e.getValue()))));
        this.producersByKeyId = Map.copyOf(producersByKeyId);
    }

    /**
     * Verifies the event's signature with the trusted key it names.
     *
     * @return the key that signed it and the producer that key belongs to
     * @throws InvalidSignatureException when the event is unsigned, names an untrusted key, or fails its signature
     */
    public Signer verify(CloudEvent event) {
        Object keyId = event.getExtension(EventSigner.KEY_ID_EXTENSION);
        Object signature = event.getExtension(EventSigner.SIGNATURE_EXTENSION);
        if (keyId == null || signature == null) {
            throw new InvalidSignatureException("event " + event.getId() + " is not signed");
        }
        Ed25519PublicKeyParameters key = trustedKeys.get(keyId.toString());
        if (key == null) {
            throw new InvalidSignatureException("event " + event.getId() + " is signed by untrusted key " + keyId);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("event " + event.getId() + " has a malformed signature");
        }
        Object proof = event.getExtension(EventSigner.PROOF_EXTENSION);
        boolean valid = proof == null
                ? signatureMatches(key, SignedFields.of(event), signatureBytes)
                : batchSignatureMatches(event, key, keyId + " " + signature, signatureBytes, proof.toString());
        if (!valid) {
            throw new InvalidSignatureException("event " + event.getId() + " fails its signature by key " + keyId);
        }
        return new Signer(keyId.toString(), producersByKeyId.get(keyId.toString()));
    }

    /** The trusted key that signed an event, and the producer ({@code EventProducers}) it belongs to. */
    public record Signer(String keyId, String producer) {}

    private boolean batchSignatureMatches(
            CloudEvent event,
            Ed25519PublicKeyParameters key,
            String signatureId,
            byte[] signatureBytes,
            String proofText) {
        BatchProof proof = BatchProof.decode(proofText);
        if (proof == null) {
            throw new InvalidSignatureException("event " + event.getId() + " has a malformed batch proof");
        }
        byte[] root = MerkleTree.rootFromPath(SignedFields.of(event), proof.index(), proof.size(), proof.path());
        if (root == null) {
            return false;
        }
        byte[] message = EventSigner.batchMessage(proof.size(), root);
        byte[] remembered = verifiedRoots.get(signatureId);
        if (remembered != null) {
            return MessageDigest.isEqual(remembered, message);
        }
        if (!signatureMatches(key, message, signatureBytes)) {
            return false;
        }
        if (verifiedRoots.size() >= MAX_REMEMBERED_ROOTS) {
            verifiedRoots.clear();
        }
        verifiedRoots.put(signatureId, message);
        return true;
    }

    private static boolean signatureMatches(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        var verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
