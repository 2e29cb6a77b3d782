package io.switchboard.events.deadletter;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.util.backoff.BackOff;

/**
 * The backoff between retries of a record that failed for a transient reason.
 *
 * @param initialInterval the first pause
 * @param multiplier      how much each pause grows
 * @param maxInterval     the cap; keep it well under {@code max.poll.interval.ms}, since the consumer sleeps it
 */
public record RetryPolicy(Duration initialInterval, double multiplier, Duration maxInterval) {

    public RetryPolicy {
        if (initialInterval.toMillis() < 1 || multiplier < 1.0 || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "retry needs 1ms <= initial-interval <= max-interval and a multiplier >= 1");
        }
    }

    BackOff backOff(BooleanSupplier parked) {
        return new TransientRetry(initialInterval, multiplier, maxInterval, parked);
    }
}
