package io.switchboard.simulator.call.domain;

import java.util.UUID;

/** Twilio-shaped identifiers: a two-letter prefix and 32 lower-case hex digits. */
public final class Sids {

    private Sids() {}

    public static String call() {
        return next("CA");
    }

    public static String recording() {
        return next("RE");
    }

    private static String next(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
