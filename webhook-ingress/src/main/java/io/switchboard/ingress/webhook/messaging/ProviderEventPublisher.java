package io.switchboard.ingress.webhook.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.config.IngressProperties;
import io.switchboard.ingress.messaging.OffEventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes a provider event to provider-events.v1, keyed by its subject (the call id), and
 * completes only once the broker acknowledged it (acks=all) within the publish timeout.
 */
@Component
public class ProviderEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(ProviderEventPublisher.class);

    private final EventPublisher events;
    private final MeterRegistry meters;
    private final Duration timeout;

    ProviderEventPublisher(EventPublisher events, MeterRegistry meters, IngressProperties properties) {
        this.events = events;
        this.meters = meters;
        this.timeout = properties.publishTimeout();
    }

    /** Completes when acknowledged; fails with {@link PublishFailedException} otherwise. */
    public <T> Mono<Void> publish(String accountId, OutgoingEvent<T> event) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return OffEventLoop.send(() -> events.publish(Topic.PROVIDER_EVENTS, event.subject(), event), timeout)
                    .doOnSuccess(result -> sample.stop(timer(event, "acked")))
                    .onErrorMap(error -> {
                        sample.stop(timer(event, "failed"));
                        log.warn("Could not publish {} for call {} of account {}: {}", event.type().token(),
                                event.subject(), accountId, NestedExceptionUtils.getMostSpecificCause(error).toString());
                        return new PublishFailedException("broker did not acknowledge " + event.type().token(), error);
                    })
                    .then();
        });
    }

    private Timer timer(OutgoingEvent<?> event, String outcome) {
        return Timer.builder("switchboard.webhook.publish")
                .description("Time until the broker acknowledged a provider event")
                .tag("type", event.type().token())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }
}
