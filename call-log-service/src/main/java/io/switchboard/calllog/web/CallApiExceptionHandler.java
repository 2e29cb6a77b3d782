package io.switchboard.calllog.web;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as RFC 9457 problems. Database failures are logged here and never described to the caller. */
@RestControllerAdvice
class CallApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CallApiExceptionHandler.class);

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid query parameter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(CallNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Call not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail databaseUnavailable(MongoException e) {
        log.warn("Call log query failed", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The call log cannot be read right now; try again shortly.");
        problem.setTitle("Call log unavailable");
        return problem;
    }
}
