package io.switchboard.events.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    @Test
    void whenBuiltThenRootAndEveryPathAreRfc9162s() throws Exception {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> leaves = leaves(size);
            MerkleTree tree = MerkleTree.of(leaves);

            assertThat(tree.root()).as("root of %d", size).isEqualTo(rfcRoot(leaves));
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.inclusionPath(index);
                assertThat(path)
                        .as("path of %d in %d", index, size)
                        .usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(rfcPath(index, leaves));
                assertThat(MerkleTree.rootFromPath(leaves.get(index), index, size, path))
                        .as("root from the path of %d in %d", index, size)
                        .isEqualTo(tree.root());
            }
        }
    }

    @Test
    void whenLeafIndexSizeOrPathDifferThenAnotherRootOrNone() {
        List<byte[]> leaves = leaves(7);
        MerkleTree tree = MerkleTree.of(leaves);
        List<byte[]> path = tree.inclusionPath(3);

        assertThat(MerkleTree.rootFromPath(leaves.get(4), 3, 7, path)).isNotEqualTo(tree.root());
        assertThat(MerkleTree.rootFromPath(leaves.get(3), 2, 7, path)).isNotEqualTo(tree.root());
        assertThat(MerkleTree.rootFromPath(leaves.get(3), 3, 7, path.subList(0, 2)))
                .isNull();
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(tree.root());
        assertThat(MerkleTree.rootFromPath(leaves.get(3), 3, 7, longer)).isNull();
        assertThat(MerkleTree.rootFromPath(leaves.get(3), 7, 7, path)).isNull();
        assertThat(MerkleTree.rootFromPath(leaves.get(3), -1, 7, path)).isNull();
        assertThat(MerkleTree.rootFromPath(leaves.get(3), 0, 0, List.of())).isNull();
    }

    @Test
    void whenALeafIsAnInnerNodesBytesThenItsHashDiffers() throws Exception {
        List<byte[]> leaves = leaves(2);
        MerkleTree pair = MerkleTree.of(leaves);
        byte[] innerNodeBytes = concat(hash(0, leaves.get(0)), hash(0, leaves.get(1)));

        assertThat(MerkleTree.of(List.of(innerNodeBytes)).root()).isNotEqualTo(pair.root());
    }

    /** MTH(D[n]) exactly as RFC 9162 2.1.1 defines it: split at the largest power of two below n. */
    private static byte[] rfcRoot(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return hash(0, leaves.getFirst());
        }
        int k = split(leaves.size());
        return hash(1, concat(rfcRoot(leaves.subList(0, k)), rfcRoot(leaves.subList(k, leaves.size()))));
    }

    /** PATH(m, D[n]) exactly as RFC 9162 2.1.3.1 defines it. */
    private static List<byte[]> rfcPath(int m, List<byte[]> leaves) throws Exception {
        List<byte[]> path = new ArrayList<>();
        if (leaves.size() == 1) {
            return path;
        }
        int k = split(leaves.size());
        if (m < k) {
            path.addAll(rfcPath(m, leaves.subList(0, k)));
            path.add(rfcRoot(leaves.subList(k, leaves.size())));
        } else {
            path.addAll(rfcPath(m - k, leaves.subList(k, leaves.size())));
            path.add(rfcRoot(leaves.subList(0, k)));
        }
        return path;
    }

    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] hash(int prefix, byte[] bytes) throws Exception {
        var sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) prefix);
        return sha256.digest(bytes);
    }

    private static byte[] concat(byte[] left, byte[] right) {
        byte[] both = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return both;
    }

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(("envelope " + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }
}
