package io.switchboard.calllog.request.web;

import com.mongodb.MongoException;
import io.switchboard.calllog.web.InvalidParameterException;
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
 * RFC 9457 problems for the call requests API: a 400 names the parameter at fault in {@code field}; a request
 * the caller may not see is a 404; a database failure is logged here and answered 503 without describing it.
 */
@RestControllerAdvice(assignableTypes = CallRequestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallRequestProblems {

    private static final Logger log = LoggerFactory.getLogger(CallRequestProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return Problems.badRequest("invalid-call-request-query", "Invalid parameter", e.parameter(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(CallRequestNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Call request not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(MongoException e) {
        log.warn("Call request lookup failed", e);
        return Problems.unavailable(
                "Call log unavailable", "The call log cannot be read right now; try again shortly.");
    }
}
