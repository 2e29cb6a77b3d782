package io.switchboard.ingress.webhook.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookTooLargeException;
import io.switchboard.ingress.webhook.messaging.PublishFailedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts every webhook by provider, type and outcome ({@code switchboard.webhooks}) and signature
 * failures by reason ({@code switchboard.webhook.signature.failures}): the rates an operator pages on.
 */
@Component
public class WebhookMetrics {

    private final MeterRegistry meters;

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public <T> Mono<T> observe(String provider, String type, Mono<T> webhook) {
        return webhook
                .doOnSuccess(answer -> count(provider, type, "accepted"))
                .doOnError(error -> {
                    count(provider, type, outcome(error));
                    if (error instanceof SignatureRejectedException rejected) {
                        meters.counter("switchboard.webhook.signature.failures",
                                "provider", provider, "reason", rejected.reason().tag()).increment();
                    }
                });
    }

    private void count(String provider, String type, String outcome) {
        meters.counter("switchboard.webhooks", "provider", provider, "type", type, "outcome", outcome).increment();
    }

    private static String outcome(Throwable error) {
        return switch (error) {
            case UnknownAccountException e -> "unknown-account";
            case SignatureRejectedException e -> "signature-rejected";
            case WebhookTooLargeException e -> "too-large";
            case BadWebhookException e -> "bad-request";
            case PublishFailedException e -> "unavailable";
            default -> "error";
        };
    }
}
