package io.switchboard.billing.wallet.web;

import io.switchboard.billing.wallet.domain.InvalidTopUpException;
import io.switchboard.billing.wallet.domain.TopUpConflictException;
import io.switchboard.events.kafka.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the wallet's own failures to RFC 9457 problem details; framework errors are Boot's (also problem details). */
@RestControllerAdvice(assignableTypes = WalletController.class)
class WalletErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(WalletErrorHandler.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidTopUpException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(TopUpConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unavailable(PublishFailedException e) {
        log.warn("Top-up not confirmed by Kafka", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the top-up was not confirmed by Kafka; retry with the same topUpId");
    }
}
