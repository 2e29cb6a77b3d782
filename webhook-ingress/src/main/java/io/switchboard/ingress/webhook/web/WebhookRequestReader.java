package io.switchboard.ingress.webhook.web;

import io.switchboard.ingress.config.IngressProperties;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.domain.WebhookTooLargeException;
import io.switchboard.ingress.webhook.domain.WebhookVerifier;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a form-encoded webhook into a verified {@link WebhookRequest}, in the order that gives each
 * failure its own answer: unknown account (404), no signature (403), unreadable body (400/413),
 * wrong signature (403). Only a verified request reaches the provider's mapping.
 */
@Component
public class WebhookRequestReader {

    private final String publicBaseUrl;

    WebhookRequestReader(IngressProperties properties) {
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    public Mono<WebhookRequest> read(WebhookVerifier verifier, String accountId, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return Mono.fromRunnable(() -> verifier.precheck(accountId, request.getHeaders()))
                .then(Mono.defer(exchange::getFormData))
                .onErrorMap(DataBufferLimitException.class, WebhookTooLargeException::new)
                .onErrorMap(IllegalArgumentException.class,
                        error -> new BadWebhookException("form body cannot be decoded", error))
                .map(form -> new WebhookRequest(accountId, publicUrl(request), request.getHeaders(),
                        form.toSingleValueMap()))
                .doOnNext(verifier::verify);
    }

    /** The URL the provider called: our public base URL, the path and the query string exactly as sent. */
    private String publicUrl(ServerHttpRequest request) {
        String rawQuery = request.getURI().getRawQuery();
        return publicBaseUrl + request.getURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
