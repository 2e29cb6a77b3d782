package io.switchboard.ingress.webhook.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.switchboard.ingress.config.IngressProperties;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.domain.WebhookTooLargeException;
import io.switchboard.ingress.webhook.domain.WebhookVerifier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Turns a webhook into a verified {@link WebhookRequest}, in the order that gives each failure its
 * own answer and reads no body it will refuse: declared size over the limit (413), unknown account
 * (404), no signature (403), body over the limit whatever its declared length (413), unreadable body
 * (400), wrong signature (403). Only a verified request reaches the provider's mapping.
 */
@Component
public class WebhookRequestReader {

    private static final byte[] EMPTY = new byte[0];

    private final PublicUrlResolver urls;
    private final int maxBodyBytes;

    WebhookRequestReader(PublicUrlResolver urls, IngressProperties properties) {
        this.urls = urls;
        this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
    }

    public Mono<WebhookRequest> read(WebhookVerifier verifier, String accountId, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        int limit = verifier.maxBodyBytes(maxBodyBytes);
        // Checked as the handling is assembled, right before it is subscribed: each operator in a
        // webhook's chain costs on every request (docs/benchmarks.md), so the chain stays short.
        try {
            if (request.getHeaders().getContentLength() > limit) {
                throw new WebhookTooLargeException(limit);
            }
            verifier.precheck(accountId, request.getHeaders());
        } catch (RuntimeException refused) {
            return Mono.error(refused);
        }
        return body(request, limit).map(body -> {
            WebhookRequest webhook = parse(accountId, request, body, verifier.readsFields());
            verifier.verify(webhook);
            return webhook;
        });
    }

    /** The whole body, refused as soon as more than the limit arrived (chunked or lying about its length). */
    private Mono<byte[]> body(ServerHttpRequest request, int limit) {
        return DataBufferUtils.join(request.getBody(), limit)
                .map(WebhookRequestReader::bytes)
                .defaultIfEmpty(EMPTY)
                .onErrorMap(e -> switch (e) {
                    case DataBufferLimitException tooLarge -> new WebhookTooLargeException(limit);
                    case BadWebhookException bad -> bad;
                    default -> new BadWebhookException("body could not be read", e);
                });
    }

    private WebhookRequest parse(String accountId, ServerHttpRequest request, byte[] body, boolean readsFields) {
        MediaType type = request.getHeaders().getContentType();
        boolean json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
        Charset charset = type == null ? null : type.getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            throw new UnsupportedMediaTypeStatusException("webhook bodies must be UTF-8, not " + charset);
        }
        Map<String, List<String>> fields = !readsFields ? Map.of() : json ? JsonBody.parse(body) : FormBody.parse(body);
        return new WebhookRequest(accountId, urls.resolve(request), request.getHeaders(), json, body, fields);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
