package io.switchboard.ingress.webhook.web;

import java.util.Map;

import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every refusal as a small problem+json body with a status the provider acts on: 4xx for what a
 * retry cannot fix, 503 with Retry-After for what it can (the broker did not acknowledge, the
 * accounts are not loaded yet or a credential cannot be opened).
 */
@RestControllerAdvice
class WebhookErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookErrorHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccountException e, ServerWebExchange exchange) {
        refused(Level.WARN, e, exchange);
        return problem(HttpStatus.NOT_FOUND, "unknown account");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> signatureRejected(SignatureRejectedException e, ServerWebExchange exchange) {
        refused(Level.WARN, e, exchange);
        if (!e.unauthenticated()) {
            return problem(HttpStatus.FORBIDDEN, e.reason());
        }
        // RFC 9110 requires a challenge with every 401; the provider's credential is a bearer-style secret.
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + e.provider() + "\"")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.reason()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(WebhookTooLargeException e, ServerWebExchange exchange) {
        refused(Level.INFO, e, exchange);
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badWebhook(BadWebhookException e, ServerWebExchange exchange) {
        refused(Level.INFO, e, exchange);
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> accountUnavailable(AccountUnavailableException e, ServerWebExchange exchange) {
        log.atWarn()
                .addKeyValue("accountId", pathVariable(exchange, "accountId"))
                .log("Webhook deferred: {}", e.getMessage());
        return retryLater("account credentials unavailable, retry");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException e) {
        return retryLater("event store unavailable, retry");
    }

    /** Messages name the account and the reason, never a secret, a signature or a phone number. */
    private static void refused(Level level, RuntimeException e, ServerWebExchange exchange) {
        log.atLevel(level)
                .addKeyValue("accountId", pathVariable(exchange, "accountId"))
                .log("Webhook refused: {}", e.getMessage());
    }

    private static String pathVariable(ServerWebExchange exchange, String name) {
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : variables.get(name);
    }

    private static ResponseEntity<ProblemDetail> retryLater(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
