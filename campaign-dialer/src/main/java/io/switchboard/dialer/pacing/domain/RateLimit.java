package io.switchboard.dialer.pacing.domain;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * At most {@code perSecond} events in any sliding second (for a whole rate; for a fractional one, at most
 * {@code ⌈n × perSecond⌉} in any n seconds), not only in fixed one-second buckets: a Bucket4j bucket of
 * capacity 1 refilled greedily, so that two events are never closer than one spacing apart and an idle limit
 * stores no burst. The spacing is {@code (1 s + allowance) / perSecond}: whoever counts the
 * events at the far end (the provider, a carrier) sees them up to {@code allowance} later than they were
 * let through, and may see one late and the next on time; the allowance keeps even that within the rate.
 * Not thread-safe: each one is used under its group's lock.
 */
public final class RateLimit {

    private final Bucket bucket;
    private final double perSecond;

    private RateLimit(Bucket bucket, double perSecond) {
        this.bucket = bucket;
        this.perSecond = perSecond;
    }

    public static RateLimit of(double perSecond, Duration allowance, Clock clock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate must be positive: " + perSecond);
        }
        long spacingNanos = (long) Math.ceil((1_000_000_000L + allowance.toNanos()) / perSecond);
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(spacingNanos)))
                .withCustomTimePrecision(new ClockTime(clock))
                .build();
        return new RateLimit(bucket, perSecond);
    }

    public boolean available() {
        return bucket.getAvailableTokens() >= 1;
    }

    /** Takes the next event's place; call only when {@link #available}. */
    public void take() {
        if (!bucket.tryConsume(1)) {
            throw new IllegalStateException("no room in the rate limit; check available() first");
        }
    }

    /** How long until {@link #available}: zero when it already is. */
    public long nanosUntilAvailable() {
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    public double perSecond() {
        return perSecond;
    }

    /** Bucket4j's time from a {@link Clock}, so that tests move time instead of waiting for it. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
