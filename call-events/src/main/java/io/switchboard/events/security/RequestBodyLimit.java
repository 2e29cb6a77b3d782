package io.switchboard.events.security;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds every API request body to one size. A body declaring a larger length is refused before a byte
 * of it is read; one sent without a length fails as soon as it grows past the limit.
 */
final class RequestBodyLimit implements WebFilter {

    private final long maxBytes;

    RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return refuse(exchange);
        }
        if (length >= 0) {
            return chain.filter(exchange);
        }
        var counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                var read = new AtomicLong();
                return super.getBody().doOnNext(buffer -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"title\":\"Request body too large\",\"status\":413,\"detail\":\"" + tooLarge()
                        + "\",\"field\":\"body\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private String tooLarge() {
        return "the body may be at most " + maxBytes + " bytes";
    }
}
