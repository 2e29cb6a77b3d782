package io.switchboard.ingress.webhook.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookTooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Times every webhook from its handling to its answer, by provider, type and outcome
 * ({@code switchboard.webhooks}, with a histogram), and counts signature failures by reason
 * ({@code switchboard.webhook.signature.failures}): the rates and latencies an operator pages on.
 * Webhook paths have no {@code http.server.requests} observation ({@link WebhookObservations}):
 * this timer says more for a fraction of the CPU.
 */
@Component
class WebhookMetrics {

    private static final String ACCEPTED = "accepted";
    private static final Duration[] LATENCY_BUCKETS = LongStream.of(
                    5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 15_000)
            .mapToObj(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final MeterRegistry meters;
    /** Looked up once per combination: building a meter id sorts its tags, too much for every webhook. */
    private final Map<Outcome, Timer> timers = new ConcurrentHashMap<>();

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> Mono<T> observe(String provider, String type, Mono<T> webhook) {
        return observe(provider, () -> type, webhook);
    }

    /**
     * For a provider whose webhook type is only known once the body is read; until then it is {@code unknown}.
     * The time counts from here: the controller builds the webhook's handling as the request arrives.
     */
    <T> Mono<T> observe(String provider, Supplier<String> type, Mono<T> webhook) {
        long started = System.nanoTime();
        return webhook.doOnSuccess(answer -> record(provider, type.get(), ACCEPTED, started))
                .doOnError(error -> {
                    record(provider, type.get(), outcome(error), started);
                    if (error instanceof SignatureRejectedException rejected) {
                        meters.counter(
                                        "switchboard.webhook.signature.failures",
                                        "provider",
                                        provider,
                                        "reason",
                                        rejected.reason())
                                .increment();
                    }
                });
    }

    private void record(String provider, String type, String outcome, long startedNanos) {
        timers.computeIfAbsent(
                        new Outcome(provider, type, outcome),
                        key -> Timer.builder("switchboard.webhooks")
                                .description("Webhooks from handling to answer, by provider, type and outcome")
                                .tags("provider", key.provider(), "type", key.type(), "outcome", key.outcome())
                                // A few buckets around what providers tolerate (Twilio waits 15 s), for every outcome:
                                // one metric name must keep one Prometheus type.
                                .serviceLevelObjectives(LATENCY_BUCKETS)
                                .register(meters))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private record Outcome(String provider, String type, String outcome) {}

    private static String outcome(Throwable error) {
        return switch (error) {
            case UnknownAccountException e -> "unknown-account";
            case AccountUnavailableException e -> "account-unavailable";
            case SignatureRejectedException e -> "signature-rejected";
            case WebhookTooLargeException e -> "too-large";
            case BadWebhookException e -> "bad-request";
            case UnsupportedMediaTypeStatusException e -> "unsupported-media-type";
            case PublishFailedException e -> "unavailable";
            default -> "error";
        };
    }
}
