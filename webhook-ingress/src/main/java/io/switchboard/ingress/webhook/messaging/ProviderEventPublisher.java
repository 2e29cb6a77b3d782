package io.switchboard.ingress.webhook.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.events.kafka.BatchSigningPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.kafka.PublishDeadline;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.config.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes a provider event to provider-events.v1, keyed by its subject (the call id), and
 * completes only once the broker acknowledged it (acks=all) within the publish timeout. An event
 * whose id was acknowledged within the dedup window is not published again (a dedup hit): the
 * repeat is answered as the original was. Ids are remembered only once acknowledged, so a publish
 * that failed stays retryable. Events are signed in batches ({@link BatchSigningPublisher}), whose
 * publish never blocks: it runs on the Netty event loop, and the signing thread sends.
 */
@Component
public class ProviderEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(ProviderEventPublisher.class);

    private final BatchSigningPublisher events;
    private final MeterRegistry meters;
    private final Duration timeout;
    private final RecentEventIds recent;
    /** By outcome and event type, looked up once: building a meter id sorts its tags, too much for every event. */
    private final Map<String, Map<String, Timer>> timers =
            Map.of("acked", new ConcurrentHashMap<>(), "failed", new ConcurrentHashMap<>());

    ProviderEventPublisher(BatchSigningPublisher events, MeterRegistry meters, IngressProperties properties) {
        this.events = events;
        this.meters = meters;
        this.timeout = properties.publishTimeout();
        this.recent = new RecentEventIds(properties.dedup(), System::nanoTime);
        meters.gauge("switchboard.webhook.dedup.window.size", recent, RecentEventIds::size);
    }

    /** Completes when acknowledged (or already published recently); fails with {@link PublishFailedException} otherwise. */
    public <T> Mono<Void> publish(String accountId, OutgoingEvent<T> event) {
        return Mono.defer(() -> {
            if (recent.contains(event.id())) {
                meters.counter(
                                "switchboard.webhook.dedup.hits",
                                "type",
                                event.type().token())
                        .increment();
                log.atDebug()
                        .addKeyValue("callId", event.subject())
                        .addKeyValue("accountId", accountId)
                        .log(
                                "Already published {} {} for call {} of account {}",
                                event.type().token(),
                                event.id(),
                                event.subject(),
                                accountId);
                return Mono.empty();
            }
            Timer.Sample sample = Timer.start(meters);
            String what = event.type().token() + " " + event.id();
            return Mono.fromFuture(() -> PublishDeadline.bounded(handOff(event), timeout, what), true)
                    .doOnSuccess(result -> {
                        sample.stop(timer(event, "acked"));
                        recent.add(event.id());
                    })
                    .doOnError(error -> {
                        sample.stop(timer(event, "failed"));
                        log.atWarn()
                                .addKeyValue("callId", event.subject())
                                .addKeyValue("accountId", accountId)
                                .log(
                                        "Could not publish {} for call {} of account {}: {}",
                                        event.type().token(),
                                        event.subject(),
                                        accountId,
                                        NestedExceptionUtils.getMostSpecificCause(error)
                                                .toString());
                    })
                    .then();
        });
    }

    /** Never blocks: the batch signer's thread signs and sends, so this may run on the Netty event loop. */
    private CompletableFuture<SendResult<String, CloudEvent>> handOff(OutgoingEvent<?> event) {
        try {
            return events.publish(Topic.PROVIDER_EVENTS, event.subject(), event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Timer timer(OutgoingEvent<?> event, String outcome) {
        String type = event.type().token();
        return timers.get(outcome)
                .computeIfAbsent(
                        type,
                        key -> Timer.builder("switchboard.webhook.publish")
                                .description("Time until the broker acknowledged a provider event")
                                .tag("type", type)
                                .tag("outcome", outcome)
                                .publishPercentileHistogram()
                                .register(meters));
    }
}
