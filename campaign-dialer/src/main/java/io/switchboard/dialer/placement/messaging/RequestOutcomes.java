package io.switchboard.dialer.placement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialer.placement.domain.MachinePolicy;
import org.springframework.stereotype.Component;

/**
 * Counts call requests by outcome, {@code switchboard.dialer.requests{outcome=scheduled|queued|placed|rejected|duplicate}}, and
 * what was done when a machine answered, {@code switchboard.dialer.machine.detections{policy=…}}.
 */
@Component
public class RequestOutcomes {

    private final Counter scheduled;
    private final Counter queued;
    private final Counter placed;
    private final Counter rejected;
    private final Counter duplicate;
    private final MeterRegistry meters;

    RequestOutcomes(MeterRegistry meters) {
        this.meters = meters;
        this.scheduled = counter(meters, "scheduled");
        this.queued = counter(meters, "queued");
        this.placed = counter(meters, "placed");
        this.rejected = counter(meters, "rejected");
        this.duplicate = counter(meters, "duplicate");
    }

    public void scheduled() {
        scheduled.increment();
    }

    public void queued() {
        queued.increment();
    }

    public void placed() {
        placed.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    public void duplicate() {
        duplicate.increment();
    }

    public void machineDetected(MachinePolicy policy) {
        Counter.builder("switchboard.dialer.machine.detections")
                .description("Machine detection results of calls whose request asked for it, by what was done")
                .tag("policy", policy.tag())
                .register(meters)
                .increment();
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("switchboard.dialer.requests")
                .description("Call requests consumed, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }
}
