package io.switchboard.simulator.call.web;

import java.util.Optional;

import io.switchboard.simulator.fault.CreateCallFault;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * How an armed create-call fault turns the answer to a call that was created anyway: late, missing or a 5xx.
 * The caller cannot tell whether the call exists, which is exactly what a dialer must cope with.
 */
final class CreateCallFaultAnswers {

    private CreateCallFaultAnswers() {}

    static Mono<ResponseEntity<CallResource>> answer(
            Optional<CreateCallFault> fault, ResponseEntity<CallResource> created, ServerWebExchange exchange) {
        if (fault.isEmpty()) {
            return Mono.just(created);
        }
        return switch (fault.get().kind()) {
            case SLOW_ANSWER -> Mono.delay(fault.get().delay()).thenReturn(created);
            case DROP_CONNECTION -> drop(exchange);
            case SERVER_ERROR ->
                Mono.error(TwilioApiException.serverError(fault.get().httpStatus()));
            case RATE_LIMIT -> Mono.error(TwilioApiException.tooManyRequests());
        };
    }

    /** Closes the TCP connection under the request; the response that never comes is abandoned with it. */
    private static Mono<ResponseEntity<CallResource>> drop(ServerWebExchange exchange) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (nativeRequest instanceof Connection connection) {
            connection.channel().close();
            return Mono.never();
        }
        return Mono.error(new IllegalStateException("cannot drop a connection of " + nativeRequest.getClass()));
    }
}
