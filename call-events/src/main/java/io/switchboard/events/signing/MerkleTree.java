package io.switchboard.events.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1) over SHA-256, which lets
 * one signature cover a batch of envelopes while each envelope stays verifiable on its own: it
 * carries its inclusion path, and the leaf and node hashes are domain-separated (0x00 / 0x01) so
 * that no leaf can pass for an inner node.
 *
 * <p>The tree is built bottom-up, pairing neighbours and lifting a level's odd last node unchanged,
 * which gives exactly RFC 9162's tree (split at the largest power of two below the size) with each
 * inclusion path in O(log n) instead of recomputing subtrees per leaf.
 */
final class MerkleTree {

    static final int HASH_LENGTH = 32;

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /** Levels from the leaf hashes (level 0) up to the root (a level of one hash). */
    private final List<byte[][]> levels;

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    static MerkleTree of(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("A Merkle tree needs at least one leaf");
        }
        MessageDigest sha256 = sha256();
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = new byte[leaves.size()][];
        for (int i = 0; i < level.length; i++) {
            level[i] = leafHash(sha256, leaves.get(i));
        }
        levels.add(level);
        while (level.length > 1) {
            byte[][] parents = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < parents.length; i++) {
                int left = 2 * i;
                parents[i] = left + 1 < level.length ? nodeHash(sha256, level[left], level[left + 1]) : level[left];
            }
            levels.add(parents);
            level = parents;
        }
        return new MerkleTree(levels);
    }

    byte[] root() {
        return levels.getLast()[0];
    }

    int size() {
        return levels.getFirst().length;
    }

    /** The sibling hashes from the leaf at {@code index} up to the root (RFC 9162's inclusion proof). */
    List<byte[]> inclusionPath(int index) {
        List<byte[]> path = new ArrayList<>(levels.size());
        int position = index;
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            byte[][] level = levels.get(depth);
            int sibling = position ^ 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            position >>= 1;
        }
        return path;
    }

    /**
     * The root that a leaf at {@code index} of a tree of {@code size} leaves implies with this
     * inclusion path (RFC 9162, 2.1.3.2), or {@code null} when the path cannot belong to such a tree.
     */
    static byte[] rootFromPath(byte[] leaf, int index, int size, List<byte[]> path) {
        if (size < 1 || index < 0 || index >= size) {
            return null;
        }
        MessageDigest sha256 = sha256();
        long fn = index;
        long sn = size - 1L;
        byte[] hash = leafHash(sha256, leaf);
        for (byte[] sibling : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                hash = nodeHash(sha256, sibling, hash);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                hash = nodeHash(sha256, hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? hash : null;
    }

    private static byte[] leafHash(MessageDigest sha256, byte[] leaf) {
        sha256.update(LEAF);
        return sha256.digest(leaf);
    }

    private static byte[] nodeHash(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update(NODE);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
