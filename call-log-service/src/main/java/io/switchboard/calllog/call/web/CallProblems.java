package io.switchboard.calllog.call.web;

import java.net.URI;
import java.time.Duration;

import com.mongodb.MongoException;
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

/**
 * RFC 9457 problems for the call API, each 400 naming the query parameter at fault in a {@code field}
 * property. Database failures are logged here and never described to the caller.
 */
@RestControllerAdvice(assignableTypes = CallController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallProblems {

    private static final Logger log = LoggerFactory.getLogger(CallProblems.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The call log cannot be read right now; try again shortly.");
        problem.setTitle("Call log unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid query parameter");
        problem.setType(URI.create("https://switchboard.io/problems/invalid-call-query"));
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }
}
