package io.switchboard.orchestrator.call.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Call state transitions by status and direction, and how many calls this instance holds. */
public final class CallMetrics {

    private final MeterRegistry registry;

    public CallMetrics(MeterRegistry registry, CallStore store) {
        this.registry = registry;
        Gauge.builder("switchboard.calls.in.memory", store, CallStore::size)
                .description("Calls held in memory by this instance (live and recently ended)")
                .register(registry);
    }

    void transitioned(Call call) {
        Counter.builder("switchboard.calls.transitions")
                .description("Call status changes published to call-states")
                .tag("status", call.status().wireValue())
                .tag(
                        "direction",
                        call.direction() == null ? "unknown" : call.direction().wireValue())
                .register(registry)
                .increment();
    }
}
