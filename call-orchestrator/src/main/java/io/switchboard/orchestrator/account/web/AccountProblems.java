package io.switchboard.orchestrator.account.web;

import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.web.Problems;
import io.switchboard.orchestrator.account.domain.InvalidAccountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * RFC 9457 problems for the account API, each naming the field at fault in a {@code field}
 * property. Ahead of Boot's generic problem handler, which still answers 404, 405 and 415.
 */
@RestControllerAdvice(assignableTypes = AccountController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    private static final Logger log = LoggerFactory.getLogger(AccountProblems.class);
    private static final String TYPE = "invalid-account";
    private static final String TITLE = "Invalid account";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidAccountException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** Unreadable bodies: malformed JSON, wrong types, or none at all. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return Problems.unreadableBody(e, TYPE, TITLE, "a JSON account");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Account not saved: {}", e.getMessage(), e.getCause());
        return Problems.unavailable(
                "Account not saved", "The account could not be saved now; nothing was changed. Retry later.");
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        return Problems.badRequest(TYPE, TITLE, field, detail);
    }
}
