package io.switchboard.events.security;

import java.nio.charset.StandardCharsets;

import io.switchboard.events.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * A token that could not be checked because the issuer's keys could not be fetched is a passing fault
 * of ours, not the caller's: 503 with Retry-After. Every other failure is the caller's: 401 with
 * {@code WWW-Authenticate: Bearer} saying why.
 */
final class IssuerUnavailableFailureHandler implements ServerAuthenticationFailureHandler {

    private final BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        if (!(exception instanceof AuthenticationServiceException)) {
            return bearer.commence(exchange.getExchange(), exception);
        }
        var response = exchange.getExchange().getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Problems.RETRY_AFTER.toSeconds()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body =
                "{\"title\":\"Token not checked\",\"status\":503,\"detail\":\"the token issuer's keys are unavailable; retry\"}"
                        .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
