package io.switchboard.events.deadletter;

import java.time.Duration;
import java.time.Instant;

/**
 * A partition whose next record keeps failing for a transient reason: the consumer retries it and
 * commits nothing past it.
 *
 * @param since       when the record first failed
 * @param lastFailure when it failed most recently
 * @param attempts    deliveries so far
 * @param reason      the innermost failure, e.g. {@code TimeoutException: ...}
 */
public record Stall(
        String topic, int partition, long offset, Instant since, Instant lastFailure, int attempts, String reason) {

    Stall failedAgain(Instant at, int attempt, String latestReason) {
        return new Stall(topic, partition, offset, since, at, attempt, latestReason);
    }

    public Duration age(Instant now) {
        return Duration.between(since, now);
    }
}
