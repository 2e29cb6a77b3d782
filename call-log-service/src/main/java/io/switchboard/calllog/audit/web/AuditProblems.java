package io.switchboard.calllog.audit.web;

import com.mongodb.MongoException;
import io.switchboard.calllog.web.InvalidParameterException;
import io.switchboard.events.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for the audit API: each 400 names the query parameter at fault in a {@code field}
 * property; a database failure is a 503 that describes nothing of it.
 */
@RestControllerAdvice(assignableTypes = AuditController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

    private static final Logger log = LoggerFactory.getLogger(AuditProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return Problems.badRequest("invalid-audit-query", "Invalid query parameter", e.parameter(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(MongoException e) {
        log.warn("Audit query failed", e);
        return Problems.unavailable(
                "Audit trail unavailable", "The audit trail cannot be read right now; try again shortly.");
    }
}
