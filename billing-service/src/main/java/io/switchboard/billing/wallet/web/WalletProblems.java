package io.switchboard.billing.wallet.web;

import io.switchboard.billing.wallet.domain.InvalidTopUpException;
import io.switchboard.billing.wallet.domain.TopUpConflictException;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;

/**
 * RFC 9457 problems for the wallet API, each 400 naming the field at fault in a {@code field}
 * property. Ahead of Boot's generic problem handler, which still answers 404, 405 and 415.
 */
@RestControllerAdvice(assignableTypes = WalletController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WalletProblems {

    private static final Logger log = LoggerFactory.getLogger(WalletProblems.class);
    private static final String TYPE = "invalid-top-up";
    private static final String TITLE = "Invalid top-up";

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
        return Problems.unreadableBody(e, TYPE, TITLE, "a JSON top-up");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(TopUpConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Top-up not confirmed by Kafka", e);
        return Problems.unavailable(
                "Top-up not confirmed", "the top-up was not confirmed by Kafka; retry with the same topUpId");
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        return Problems.badRequest(TYPE, TITLE, field, detail);
    }
}
