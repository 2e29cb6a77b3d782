package io.switchboard.dialer.request.web;

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
import org.springframework.web.server.ServerWebInputException;

/**
 * RFC 9457 problems for the call-request API: a 400 names the field at fault (as a Kafka rejection does),
 * a 503 asks the caller to send the same request again.
 */
@RestControllerAdvice(assignableTypes = CallRequestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallRequestProblems {

    private static final Logger log = LoggerFactory.getLogger(CallRequestProblems.class);
    private static final String TYPE = "invalid-call-request";
    private static final String TITLE = "Invalid call request";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidCallRequestException e) {
        return Problems.badRequest(TYPE, TITLE, e.field() == null ? "body" : e.field(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return Problems.unreadableBody(e, TYPE, TITLE, "a JSON call request");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Call request not confirmed by Kafka", e);
        return Problems.unavailable(
                "Call request not confirmed",
                "the request was not confirmed by Kafka; send it again with the same requestId");
    }
}
