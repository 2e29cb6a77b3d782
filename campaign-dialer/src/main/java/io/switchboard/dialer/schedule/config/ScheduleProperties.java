package io.switchboard.dialer.schedule.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How call requests due later are kept ({@code switchboard.dialer.schedule.*}); defaults are documented in
 * application.yml.
 *
 * @param maxAhead        how far in the future a request may be due (its {@code notBefore}, or a recurring
 *                        request's first occurrence)
 * @param minInterval     the shortest time between two occurrences of a recurring request
 * @param refreshAfter    how long a scheduled request's record may stand unchanged on {@code dialer-intents.v1}
 *                        before its owner writes it again, so that the topic's retention (30 days) never drops a
 *                        request due later than that
 * @param signalAgainAfter how long the owner waits for a due signal it wrote to be applied before writing another
 *                        (the first one's transaction may have been lost)
 * @param checkEvery      how often the owner looks for requests that have come due
 */
@ConfigurationProperties("switchboard.dialer.schedule")
public record ScheduleProperties(
        @DefaultValue("366d") Duration maxAhead,
        @DefaultValue("1m") Duration minInterval,
        @DefaultValue("7d") Duration refreshAfter,
        @DefaultValue("30s") Duration signalAgainAfter,
        @DefaultValue("200ms") Duration checkEvery) {

    /** Below the intents topic's 30-day retention, with room for an owner that is down for days. */
    private static final Duration MAX_REFRESH_AFTER = Duration.ofDays(20);

    public ScheduleProperties {
        if (maxAhead.isNegative() || maxAhead.isZero()) {
            throw new IllegalArgumentException("switchboard.dialer.schedule.max-ahead must be positive");
        }
        if (minInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("switchboard.dialer.schedule.min-interval must be at least 1s");
        }
        if (refreshAfter.toMinutes() < 1 || refreshAfter.compareTo(MAX_REFRESH_AFTER) > 0) {
            throw new IllegalArgumentException("switchboard.dialer.schedule.refresh-after must be between 1m and 20d, "
                    + "well within the 30 days dialer-intents.v1 keeps a record");
        }
        if (signalAgainAfter.toMillis() < 100) {
            throw new IllegalArgumentException("switchboard.dialer.schedule.signal-again-after must be at least 100ms");
        }
        if (checkEvery.toMillis() < 10 || checkEvery.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("switchboard.dialer.schedule.check-every must be between 10ms and 1m");
        }
    }
}
