package io.switchboard.dialer.placement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts call requests by outcome: {@code switchboard.dialer.requests{outcome=placed|rejected|duplicate}}. */
@Component
public class RequestOutcomes {

    private final Counter placed;
    private final Counter rejected;
    private final Counter duplicate;

    RequestOutcomes(MeterRegistry meters) {
        this.placed = counter(meters, "placed");
        this.rejected = counter(meters, "rejected");
        this.duplicate = counter(meters, "duplicate");
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

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("switchboard.dialer.requests")
                .description("Call requests consumed, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }
}
