package io.switchboard.events.deadletter;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * How a record that failed for a transient reason is retried: exponential backoff capped at
 * {@code maxInterval}, for as long as the failure lasts, until an operator parks the record.
 * Retrying without end is the point: a broker that refuses writes or a database that is down comes
 * back, and a record dead-lettered meanwhile would be a debit or a call-log entry lost.
 */
final class TransientRetry implements BackOff {

    private final long initialMillis;
    private final double multiplier;
    private final long maxMillis;
    private final BooleanSupplier parked;

    TransientRetry(Duration initialInterval, double multiplier, Duration maxInterval, BooleanSupplier parked) {
        this.initialMillis = initialInterval.toMillis();
        this.multiplier = multiplier;
        this.maxMillis = maxInterval.toMillis();
        this.parked = parked;
    }

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {
            // Kept unrounded: rounding each step to whole milliseconds would keep 1ms x 1.5 at 1ms forever.
            private double next = initialMillis;

            @Override
            public long nextBackOff() {
                if (parked.getAsBoolean()) {
                    return STOP;
                }
                long current = (long) next;
                next = Math.min(maxMillis, next * multiplier);
                return current;
            }
        };
    }
}
