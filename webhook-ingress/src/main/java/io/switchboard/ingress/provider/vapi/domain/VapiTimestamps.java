package io.switchboard.ingress.provider.vapi.domain;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * VAPI's instants: message {@code timestamp}s are Unix milliseconds, call times ISO-8601, and the
 * unit of an HMAC credential's timestamp header is not documented, so both Unix units are taken.
 */
final class VapiTimestamps {

    /** Unix time in seconds stays below this until the year 5138; larger values are milliseconds. */
    private static final long LARGEST_SECONDS = 100_000_000_000L;

    private VapiTimestamps() {}

    /** Unix seconds, Unix milliseconds or ISO-8601; null when it is none of them. */
    static Instant parse(String value) {
        String trimmed = value.trim();
        try {
            return ofEpoch(Long.parseLong(trimmed));
        } catch (NumberFormatException | DateTimeException notUnix) {
            try {
                return Instant.parse(trimmed);
            } catch (DateTimeException notIso) {
                return null;
            }
        }
    }

    static Instant ofEpoch(long secondsOrMillis) {
        return Math.abs(secondsOrMillis) < LARGEST_SECONDS
                ? Instant.ofEpochSecond(secondsOrMillis)
                : Instant.ofEpochMilli(secondsOrMillis);
    }
}
