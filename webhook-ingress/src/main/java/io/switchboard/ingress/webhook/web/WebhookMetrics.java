package io.switchboard.ingress.webhook.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookTooLargeException;
import io.switchboard.ingress.webhook.messaging.PublishFailedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Counts every webhook by provider, type and outcome ({@code switchboard.webhooks}) and signature
 * failures by reason ({@code switchboard.webhook.signature.failures}): the rates an operator pages on.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry meters;
    /** Looked up once per combination: building a meter id sorts its tags, too much for every webhook. */
    private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> Mono<T> observe(String provider, String type, Mono<T> webhook) {
        return observe(provider, () -> type, webhook);
    }

    /** For a provider whose webhook type is only known once the body is read; until then it is {@code unknown}. */
    <T> Mono<T> observe(String provider, Supplier<String> type, Mono<T> webhook) {
        return webhook
                .doOnSuccess(answer -> count(provider, type.get(), "accepted"))
                .doOnError(error -> {
                    count(provider, type.get(), outcome(error));
                    if (error instanceof SignatureRejectedException rejected) {
                        meters.counter("switchboard.webhook.signature.failures",
                                "provider", provider, "reason", rejected.reason()).increment();
                    }
                });
    }

    private void count(String provider, String type, String outcome) {
        counters.computeIfAbsent(new Outcome(provider, type, outcome), key -> meters.counter("switchboard.webhooks",
                "provider", key.provider(), "type", key.type(), "outcome", key.outcome())).increment();
    }

    private record Outcome(String provider, String type, String outcome) {
    }

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
