package io.switchboard.calllog.call.web;

import com.mongodb.MongoException;
import io.switchboard.calllog.web.InvalidParameterException;
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

/**
 * RFC 9457 problems for the call API, each 400 naming the query parameter at fault in a {@code field}
 * property. Database failures, and audit entries Kafka did not take, are logged here and never described to
 * the caller: both are a 503.
 */
@RestControllerAdvice(assignableTypes = CallController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallProblems {

    private static final Logger log = LoggerFactory.getLogger(CallProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return badRequest(e.parameter(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(CallNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Call not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(MongoException e) {
        log.warn("Call log query failed", e);
        return Problems.unavailable(
                "Call log unavailable", "The call log cannot be read right now; try again shortly.");
    }

    /** A read of personal data whose audit entry Kafka did not take: not served unaudited. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unaudited(PublishFailedException e) {
        log.warn("Call log read not audited: {}", e.getMessage(), e.getCause());
        return Problems.unavailable(
                "Call log unavailable", "The read could not be audited right now; try again shortly.");
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        return Problems.badRequest("invalid-call-query", "Invalid query parameter", field, detail);
    }
}
