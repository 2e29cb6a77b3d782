package io.switchboard.events.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs envelopes with this service's Ed25519 private key (BouncyCastle: ~20x the JDK's speed),
 * one at a time or as a batch under one signature: an Ed25519 signature costs ~60 µs here, the
 * largest part of an ingress webhook's CPU, while a batch costs one signature plus a few SHA-256
 * hashes per envelope.
 */
public final class EventSigner {

    public static final String SIGNATURE_EXTENSION = "signature";
    public static final String KEY_ID_EXTENSION = "sigkeyid";
    /** Only on batch-signed envelopes: the inclusion path to the signed root ({@link BatchProof}). */
    public static final String PROOF_EXTENSION = "sigproof";

    /**
     * What a batch signature covers, before the Merkle root. No single envelope's signed bytes start
     * like this: they start with the id's 4-byte length, and this prefix would be a length of ~1.9 GB.
     */
    static final byte[] BATCH_PREFIX = "switchboard.envelope-batch.v1:".getBytes(StandardCharsets.US_ASCII);

    private final String keyId;
    private final Ed25519PrivateKeyParameters privateKey;

    public EventSigner(String keyId, String base64PrivateKey) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("A signing key needs a key id");
        }
        this.keyId = keyId;
        this.privateKey = new Ed25519PrivateKeyParameters(Base64.getDecoder().decode(base64PrivateKey));
    }

    public String keyId() {
        return keyId;
    }

    public CloudEvent sign(CloudEvent unsigned) {
        String signature = signature(SignedFields.of(unsigned));
        return CloudEventBuilder.v1(unsigned)
                .withExtension(KEY_ID_EXTENSION, keyId)
                .withExtension(SIGNATURE_EXTENSION, signature)
                .build();
    }

    /**
     * Signs the envelopes together, in their order: one signature over the root of a Merkle tree of
     * their signed fields, and on each envelope its inclusion path ({@link #PROOF_EXTENSION}), so that
     * each still verifies alone. A batch of one is signed as {@link #sign} signs.
     */
    public List<CloudEvent> signAll(List<CloudEvent> unsigned) {
        if (unsigned.size() == 1) {
            return List.of(sign(unsigned.getFirst()));
        }
        List<byte[]> leaves = new ArrayList<>(unsigned.size());
        unsigned.forEach(event -> leaves.add(SignedFields.of(event)));
        MerkleTree tree = MerkleTree.of(leaves);
        String signature = signature(batchMessage(tree.size(), tree.root()));
        List<CloudEvent> signed = new ArrayList<>(unsigned.size());
        for (int i = 0; i < unsigned.size(); i++) {
            signed.add(CloudEventBuilder.v1(unsigned.get(i))
                    .withExtension(KEY_ID_EXTENSION, keyId)
                    .withExtension(SIGNATURE_EXTENSION, signature)
                    .withExtension(PROOF_EXTENSION, new BatchProof(i, tree.size(), tree.inclusionPath(i)).encode())
                    .build());
        }
        return signed;
    }

    /** The bytes a batch signature covers: the prefix, the batch size (4-byte big-endian) and the root. */
    static byte[] batchMessage(int size, byte[] root) {
        return ByteBuffer.allocate(BATCH_PREFIX.length + 4 + root.length)
                .put(BATCH_PREFIX)
                .putInt(size)
                .put(root)
                .array();
    }

    private String signature(byte[] message) {
        var signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }
}
