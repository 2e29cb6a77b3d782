package io.switchboard.dialer.donotcall.web;

import io.switchboard.dialer.placement.domain.DialerNotReadyException;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;

/** RFC 9457 problems for the do-not-call API, each 400 naming the field at fault in a {@code field} property. */
@RestControllerAdvice(assignableTypes = DoNotCallController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DoNotCallProblems {

    private static final Logger log = LoggerFactory.getLogger(DoNotCallProblems.class);
    private static final String TYPE = "invalid-do-not-call";
    private static final String TITLE = "Invalid do-not-call change";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidListingException e) {
        return Problems.badRequest(TYPE, TITLE, e.field(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidAccount(HandlerMethodValidationException e) {
        return Problems.badRequest(TYPE, TITLE, "accountId", "accountId must match " + DoNotCallController.ACCOUNT_ID);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return Problems.unreadableBody(e, TYPE, TITLE, "a JSON object with an optional reason");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(DialerNotReadyException e) {
        return Problems.unavailable("Do-not-call lists not read yet", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Do-not-call change not confirmed by Kafka", e);
        return Problems.unavailable("Change not confirmed", "the change was not confirmed by Kafka; send it again");
    }
}
