package io.switchboard.orchestrator.call.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calls are kept in memory ({@code switchboard.orchestrator.calls.*}).
 *
 * @param retention                   how long a call that ended stays in memory (default 1h)
 * @param evictionInterval            how often ended calls past the retention are evicted (default 1m)
 * @param retiredIdsPerPartition      how many ids of evicted calls each partition remembers, so a late
 *                                    duplicate cannot create them again (default 20000)
 */
@ConfigurationProperties("switchboard.orchestrator.calls")
public record CallsProperties(
        @DefaultValue("1h") Duration retention,
        @DefaultValue("1m") Duration evictionInterval,
        @DefaultValue("20000") int retiredIdsPerPartition) {

    public CallsProperties {
        requirePositive(retention, "retention");
        requirePositive(evictionInterval, "eviction-interval");
        if (retiredIdsPerPartition < 1) {
            throw new IllegalArgumentException("switchboard.orchestrator.calls.retired-ids-per-partition must be >= 1");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("switchboard.orchestrator.calls." + name + " must be positive");
        }
    }
}
