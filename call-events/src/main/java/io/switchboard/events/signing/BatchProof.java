package io.switchboard.events.signing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where an envelope sits in the batch one signature covers: its leaf index, the batch size and the
 * inclusion path to the signed root, as the {@code sigproof} extension carries it: Base64 of the
 * index and the size (4-byte big-endian each), then the path's 32-byte hashes, leaf to root.
 */
record BatchProof(int index, int size, List<byte[]> path) {

    /** A path never needs more hashes than this: batches are far below 2^32 envelopes. */
    private static final int MAX_PATH = 32;

    String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(8 + path.size() * MerkleTree.HASH_LENGTH)
                .putInt(index)
                .putInt(size);
        path.forEach(bytes::put);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The proof, or {@code null} when the text is not one. */
    static BatchProof decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int hashes = (bytes.length - 8) / MerkleTree.HASH_LENGTH;
        if (bytes.length < 8 || (bytes.length - 8) % MerkleTree.HASH_LENGTH != 0 || hashes > MAX_PATH) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int index = buffer.getInt();
        int size = buffer.getInt();
        List<byte[]> path = new ArrayList<>(hashes);
        for (int i = 0; i < hashes; i++) {
            byte[] hash = new byte[MerkleTree.HASH_LENGTH];
            buffer.get(hash);
            path.add(hash);
        }
        return new BatchProof(index, size, path);
    }
}
