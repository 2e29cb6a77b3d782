package io.switchboard.orchestrator.call.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.transaction.TransactionEffects;
import io.switchboard.orchestrator.call.domain.CallMetrics;
import io.switchboard.orchestrator.call.domain.CallStatePublisher;
import io.switchboard.orchestrator.call.domain.CallStore;
import io.switchboard.orchestrator.call.domain.CallTracker;
import io.switchboard.orchestrator.call.domain.RequestOutcomePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CallsConfig implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CallsConfig.class);

    private final CallsProperties properties;
    private final Clock clock;
    private final CallStore store;

    CallsConfig(CallsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.store = new CallStore(properties.retiredIdsPerPartition());
    }

    @Bean
    CallStore callStore() {
        return store;
    }

    @Bean
    CallMetrics callMetrics(MeterRegistry registry) {
        return new CallMetrics(registry, store);
    }

    @Bean
    CallTracker callTracker(
            CallStatePublisher publisher,
            RequestOutcomePublisher outcomes,
            TransactionEffects transaction,
            CallMetrics metrics) {
        return new CallTracker(store, publisher, outcomes, transaction, metrics);
    }

    /**
     * Bounds memory: ended calls leave after the retention; their ids stay, bounded, in the retired set. Detections
     * held for a call that never showed up leave after the retention too.
     */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                () -> {
                    var cutoff = clock.instant().minus(properties.retention());
                    int evicted = store.evictTerminalBefore(cutoff);
                    if (evicted > 0) {
                        log.info("Evicted {} ended calls older than {}", evicted, properties.retention());
                    }
                    int detections = store.evictDetectionsBefore(cutoff);
                    if (detections > 0) {
                        log.info(
                                "Forgot {} answering machine detections whose call did not show up within {}",
                                detections,
                                properties.retention());
                    }
                },
                properties.evictionInterval());
    }
}
