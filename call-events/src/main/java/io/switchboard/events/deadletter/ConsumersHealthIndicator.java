package io.switchboard.events.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness while a partition is stalled: DOWN once a record has kept failing for longer than
 * {@code downAfter}, with the stalls as details, so the platform and the operator see that this
 * instance is waiting on something (a broker refusing writes, a database away) and not working.
 * A short blip does not flip readiness.
 */
public final class ConsumersHealthIndicator extends AbstractHealthIndicator {

    private final StalledPartitions stalls;
    private final Duration downAfter;
    private final Clock clock;

    public ConsumersHealthIndicator(StalledPartitions stalls, Duration downAfter, Clock clock) {
        super("Consumer health check failed");
        this.stalls = stalls;
        this.downAfter = downAfter;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        List<Stall> current = stalls.current();
        boolean stalled = current.stream().anyMatch(stall -> stall.age(now).compareTo(downAfter) > 0);
        (stalled ? builder.down() : builder.up()).withDetail("stalledPartitions", current);
    }
}
