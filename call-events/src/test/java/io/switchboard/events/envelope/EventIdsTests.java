package io.switchboard.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTests {

    @Test
    void whenSamePartsThenSameId() {
        assertThat(EventIds.of("twilio", "CA9e2b", "completed", "3"))
                .isEqualTo(EventIds.of("twilio", "CA9e2b", "completed", "3"));
    }

    @Test
    void whenPartsDifferOrAreReorderedThenIdsDiffer() {
        String id = EventIds.of("twilio", "CA9e2b", "completed", "3");

        assertThat(EventIds.of("twilio", "CA9e2b", "completed", "4")).isNotEqualTo(id);
        assertThat(EventIds.of("twilio", "CA9e2b", "3", "completed")).isNotEqualTo(id);
        assertThat(EventIds.of("twilio", "CA9e2b", "completed")).isNotEqualTo(id);
    }

    @Test
    void whenPartBoundariesMoveThenIdsDiffer() {
        assertThat(EventIds.of("ab", "c")).isNotEqualTo(EventIds.of("a", "bc"));
        assertThat(EventIds.of("abc")).isNotEqualTo(EventIds.of("ab", "c"));
        assertThat(EventIds.of("", "a")).isNotEqualTo(EventIds.of("a", ""));
    }

    @Test
    void whenGeneratedThenItIsAVersion5UuidInCanonicalForm() {
        String id = EventIds.of("twilio", "CA9e2b", "completed", "3");
        UUID uuid = UUID.fromString(id);

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.toString()).isEqualTo(id);
    }

    /** Consumers dedupe by id across releases, so the algorithm must never change silently. */
    @Test
    void whenComputedThenMatchesThePublishedAlgorithmAndAPinnedValue() throws Exception {
        String[] parts = {"twilio", "CA9e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f", "completed", "3"};

        assertThat(EventIds.of(parts)).isEqualTo(reference(parts)).isEqualTo("e6dba75f-5f55-5a32-9ca3-a28f082b4dde");
    }

    /** Property: over many random part lists, equal inputs give equal ids and distinct inputs distinct ids. */
    @Test
    void whenManyRandomPartListsThenIdsAreAFunctionOfThePartsAndDoNotCollide() throws Exception {
        var random = new Random(20250314L);
        Map<List<String>, String> idsByParts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            List<String> parts = randomParts(random);
            String id = EventIds.of(parts.toArray(String[]::new));
            assertThat(UUID.fromString(id).version()).isEqualTo(5);
            assertThat(id).isEqualTo(reference(parts.toArray(String[]::new)));
            String earlier = idsByParts.putIfAbsent(parts, id);
            assertThat(earlier).as("id of %s", parts).isIn(null, id);
        }
        assertThat(idsByParts.values()).doesNotHaveDuplicates();
    }

    private static List<String> randomParts(Random random) {
        String alphabet = "ab1-é";
        List<String> parts = new ArrayList<>();
        for (int p = random.nextInt(4); p >= 0; p--) {
            var part = new StringBuilder();
            for (int c = random.nextInt(4); c > 0; c--) {
                part.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parts.add(part.toString());
        }
        return parts;
    }

    /** The algorithm as documented in the README, written out independently of {@link EventIds}. */
    private static String reference(String... parts) throws Exception {
        var sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update("switchboard.events".getBytes(StandardCharsets.UTF_8));
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha1.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha1.update(bytes);
        }
        ByteBuffer hash = ByteBuffer.wrap(sha1.digest());
        long msb = (hash.getLong(0) & ~0xF000L) | 0x5000L;
        long lsb = (hash.getLong(8) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
