package io.switchboard.ingress.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.switchboard.events.call.CallStatus;

/**
 * Random values for the fuzz, and values that are certainly invalid for a field: "certainly",
 * because a value that happened to be valid would make a correctly signed request acceptable, and
 * the fuzz would then (rightly) see it published.
 */
final class FuzzValues {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Escapes whose bytes are not UTF-8: a lone continuation byte, overlong, surrogate, cut short, out of range. */
    private static final List<String> INVALID_UTF8_ESCAPES = List.of(
            "%FF",
            "%FE%FF", "%80", "%C0%AF", "%C3%28", "%ED%A0%80", "%E2%82", "%F8%88%80%80%80", "%F4%90%80%80", "%E2%28%A1");
    /**
     * Not a non-negative int to {@code Integer.parseInt(value.trim())}: no Unicode digits, which it accepts, and
     * nothing blank, which the ingress reads as an absent (optional) field.
     */
    private static final List<String> NOT_NON_NEGATIVE_INTS = List.of(
            "4x2",
            "1e3",
            "12.5",
            "0x1F",
            "99999999999",
            "2147483648",
            "NaN",
            "forty-two",
            "-0.0",
            "4 2",
            "++1",
            "1_000");

    private static final List<String> NOT_CALL_STATUSES = List.of(
            "answered",
            "complete",
            "in_progress",
            "inprogress",
            "ringing ",
            " busy",
            "no answer",
            "cancelled",
            "",
            "queued\u0000",
            "%62usy",
            "completed;",
            "null");
    private static final Set<String> RECORDING_STATUSES = Set.of("in-progress", "completed", "absent", "failed");
    private static final List<String> NOT_RFC_2822_DATES = List.of(
            "yesterday",
            "2023-07-04T18:43:02Z",
            "1688496182",
            "Tue, 04 Jul 2023 25:43:02 +0000",
            "Tue, 04 Jul 2023",
            "Tue, 4 July 2023 18:43:02 +0000",
            "now",
            "Tue 04 Jul 2023 18:43:02 +0000");

    private FuzzValues() {}

    static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    static String alnum(Random random, int minLength, int maxLength) {
        var text = new StringBuilder();
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return text.toString();
    }

    static byte[] bytes(Random random, int minLength, int maxLength) {
        byte[] bytes = new byte[minLength + random.nextInt(maxLength - minLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A Twilio-style id: the prefix and 32 hex digits. */
    static String sid(Random random, String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    static String invalidUtf8Escape(Random random) {
        return pick(random, INVALID_UTF8_ESCAPES);
    }

    /** The raw bytes of an invalid UTF-8 sequence. */
    static byte[] invalidUtf8(Random random) {
        String escape = invalidUtf8Escape(random).replace("%", "");
        return HexFormat.of().parseHex(escape);
    }

    static String notANonNegativeInt(Random random) {
        return chance(random, 0.3) ? "-" + (1 + random.nextInt(1_000_000)) : pick(random, NOT_NON_NEGATIVE_INTS);
    }

    static String notACallStatus(Random random) {
        if (chance(random, 0.5)) {
            return pick(random, NOT_CALL_STATUSES);
        }
        String word = alnum(random, 1, 12);
        boolean valid =
                Arrays.stream(CallStatus.values()).anyMatch(s -> s.wireValue().equalsIgnoreCase(word));
        return valid ? word + "!" : word;
    }

    static String notARecordingStatus(Random random) {
        String word = chance(random, 0.5)
                ? pick(random, "Completed", "in_progress", "done", "", "absent ")
                : alnum(random, 1, 12);
        return RECORDING_STATUSES.contains(word) ? word + "!" : word;
    }

    static String notAnRfc2822Date(Random random) {
        return chance(random, 0.7) ? pick(random, NOT_RFC_2822_DATES) : alnum(random, 1, 12);
    }

    /** Every byte of the value as a %XX escape: decoded once it is still escaped text, not the value. */
    static String escapeEveryByte(String value) {
        var escaped = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return escaped.toString();
    }

    /** The parts one after another: byte arrays as they are, anything else as its UTF-8 text. */
    static byte[] concat(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(
                    part instanceof byte[] bytes ? bytes : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
