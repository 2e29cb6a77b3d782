package io.switchboard.simulator.call.progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.simulator.config.SimulatorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs calls on Reactor timers instead of a thread each. A call's life is detached from the request
 * that created it, so this is the one place that subscribes; shutdown cancels whatever is still running.
 */
@Component
class CallTimeline implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallTimeline.class);

    private final Duration stepDelay;
    private final Sinks.Empty<Void> shutdown = Sinks.empty();
    private final AtomicInteger active = new AtomicInteger();

    CallTimeline(SimulatorProperties properties, MeterRegistry meters) {
        this.stepDelay = properties.stepDelay();
        meters.gauge("simulator.calls.active", active);
    }

    /**
     * Runs each step one step-delay after the previous one. A step changes the call's state and returns
     * the webhooks it triggers; those are delivered alongside, so a slow receiver never slows the call.
     */
    Mono<Void> steps(List<Supplier<Mono<Void>>> steps) {
        return Flux.fromIterable(steps)
                .concatMap(step -> Mono.delay(stepDelay).map(tick -> step.get()))
                .flatMap(deliveries -> deliveries)
                .then();
    }

    /** One step-delay from now, runs the step and delivers the webhooks it triggers. */
    Mono<Void> later(Supplier<Mono<Void>> step) {
        return Mono.delay(stepDelay).flatMap(tick -> step.get());
    }

    void run(String callSid, Mono<Void> call) {
        active.incrementAndGet();
        call.takeUntilOther(shutdown.asMono())
                .doFinally(signal -> active.decrementAndGet())
                .subscribe(null, error -> log.warn("call {} stopped early", callSid, error));
    }

    @Override
    public void destroy() {
        shutdown.tryEmitEmpty();
    }
}
