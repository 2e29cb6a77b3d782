package io.switchboard.orchestrator.account.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.orchestrator.account.domain.InvalidAccountException;
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
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problems for the account API, each naming the field at fault in a {@code field}
 * property. Ahead of Boot's generic problem handler, which still answers 404, 405 and 415.
 */
@RestControllerAdvice(assignableTypes = AccountController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    private static final Logger log = LoggerFactory.getLogger(AccountProblems.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidAccountException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** Unreadable bodies: malformed JSON, wrong types, or none at all. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        JacksonException json = jsonCause(e);
        if (json == null) {
            return badRequest("body", "must be a JSON account");
        }
        String field = fieldOf(json.getPath());
        return badRequest(field, field.equals("body") ? "is not valid JSON" : field + " has the wrong type");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Account not saved: {}", e.getMessage(), e.getCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The account could not be saved now; nothing was changed. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid account");
        problem.setType(URI.create("https://switchboard.io/problems/invalid-account"));
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    private static JacksonException jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** Jackson's path as {@code numbers[0].number}; empty (a syntax error) means the body as a whole. */
    private static String fieldOf(List<JacksonException.Reference> path) {
        var field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
