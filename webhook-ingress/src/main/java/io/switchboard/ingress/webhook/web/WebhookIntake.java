package io.switchboard.ingress.webhook.web;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.domain.WebhookVerifier;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every provider endpoint does around its own handling: read and verify the webhook with the
 * provider's verifier, then count the outcome by provider and type. A provider adapter only maps a
 * verified request to events and an answer.
 */
@Component
public class WebhookIntake {

    private static final String UNKNOWN_TYPE = "unknown";

    private final WebhookRequestReader reader;
    private final WebhookMetrics metrics;

    WebhookIntake(WebhookRequestReader reader, WebhookMetrics metrics) {
        this.reader = reader;
        this.metrics = metrics;
    }

    public <T> Mono<T> receive(
            WebhookVerifier verifier,
            String type,
            String accountId,
            ServerWebExchange exchange,
            Function<WebhookRequest, Mono<T>> handling) {
        return metrics.observe(
                verifier.provider(),
                type,
                reader.read(verifier, accountId, exchange).flatMap(handling));
    }

    /**
     * For a provider that names the webhook's type inside the body (VAPI's {@code message.type}):
     * the verified request is read into the provider's message first, and the outcome is counted
     * under that message's type ({@code unknown} when it was refused before).
     */
    public <M, T> Mono<T> receive(
            WebhookVerifier verifier,
            String accountId,
            ServerWebExchange exchange,
            Function<WebhookRequest, M> reading,
            Function<M, String> typeOf,
            Function<M, Mono<T>> handling) {
        var type = new AtomicReference<>(UNKNOWN_TYPE);
        return metrics.observe(
                verifier.provider(),
                type::get,
                reader.read(verifier, accountId, exchange)
                        .map(reading)
                        .doOnNext(message -> type.set(typeOf.apply(message)))
                        .flatMap(handling));
    }
}
