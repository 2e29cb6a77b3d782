package io.switchboard.events.config;

import java.time.Duration;

/**
 * The one way configuration records check their values: in the record's compact constructor, failing
 * start-up with the property's full name, so a bad setting never reaches a running service.
 */
public final class Settings {

    private Settings() {}

    public static Duration requirePositive(Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, not " + value);
        }
        return value;
    }

    public static <T> T require(T value, String property) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException(property + " is required");
        }
        return value;
    }
}
