package io.switchboard.simulator.call.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twilio writes dates in RFC 2822 form ("Tue, 10 Jun 2025 09:15:02 +0000"), in resources and callbacks alike. */
public final class TwilioDates {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private TwilioDates() {}

    public static String format(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }
}
