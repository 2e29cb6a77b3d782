package io.switchboard.billing.wallet.web;

import java.net.URI;
import java.time.Duration;

import io.switchboard.billing.wallet.domain.InvalidTopUpException;
import io.switchboard.billing.wallet.domain.TopUpConflictException;
import io.switchboard.events.kafka.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problems for the wallet API, each 400 naming the field at fault in a {@code field}
 * property. Ahead of Boot's generic problem handler, which still answers 404, 405 and 415.
 */
@RestControllerAdvice(assignableTypes = WalletController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WalletProblems {

    private static final Logger log = LoggerFactory.getLogger(WalletProblems.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidTopUpException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /**
     * A body property or the account id breaking a constraint: the {@code @Pattern} on the path variable
     * makes Spring validate the whole method, so {@code @Valid} body errors arrive here too.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidArgument(HandlerMethodValidationException e) {
        RequestFields.Violation violation = RequestFields.firstViolation(e);
        return badRequest(violation.field(), violation.field() + " " + violation.message());
    }

    /** Unreadable bodies: malformed JSON, wrong types, or none at all. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        JacksonException json = RequestFields.jsonCause(e);
        if (json == null) {
            return badRequest("body", "must be a JSON top-up");
        }
        String field = RequestFields.fieldOf(json.getPath());
        return badRequest(field, field.equals("body") ? "is not valid JSON" : field + " has the wrong type");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(TopUpConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Top-up not confirmed by Kafka", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the top-up was not confirmed by Kafka; retry with the same topUpId");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid top-up");
        problem.setType(URI.create("https://switchboard.io/problems/invalid-top-up"));
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }
}
