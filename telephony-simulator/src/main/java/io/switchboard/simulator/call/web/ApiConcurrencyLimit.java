package io.switchboard.simulator.call.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.switchboard.simulator.config.SimulatorProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Twilio's REST API concurrency limit: an account may have {@code api-concurrency} requests in flight; one more is
 * answered 429 with code 20429 at once, before anything is read or done. A request counts until its answer has
 * been written (or the client went away), so a slow answer keeps its slot as it does on Twilio.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiConcurrencyLimit implements WebFilter {

    private static final String ACCOUNTS = "/2010-04-01/Accounts/";
    private static final byte[] TOO_MANY_REQUESTS = ("{\"code\":20429,\"message\":\"Too Many Requests\","
                    + "\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}")
            .getBytes(StandardCharsets.UTF_8);

    private final int limit;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    ApiConcurrencyLimit(SimulatorProperties properties) {
        this.limit = properties.apiConcurrency();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String account = account(exchange.getRequest().getPath().value());
        if (account == null) {
            return chain.filter(exchange);
        }
        AtomicInteger count = inFlight.computeIfAbsent(account, sid -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            return response.writeWith(
                    Mono.fromSupplier(() -> response.bufferFactory().wrap(TOO_MANY_REQUESTS)));
        }
        return chain.filter(exchange).doFinally(signal -> count.decrementAndGet());
    }

    /** The AccountSid of a REST API path, or null for the simulator's own endpoints. */
    private static String account(String path) {
        if (!path.startsWith(ACCOUNTS)) {
            return null;
        }
        int end = path.indexOf('/', ACCOUNTS.length());
        String sid = end < 0 ? path.substring(ACCOUNTS.length()) : path.substring(ACCOUNTS.length(), end);
        return sid.isEmpty() ? null : sid;
    }
}
