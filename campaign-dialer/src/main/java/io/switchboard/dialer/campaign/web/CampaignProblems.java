package io.switchboard.dialer.campaign.web;

import io.switchboard.dialer.campaign.domain.InvalidContactsException;
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
import org.springframework.web.server.ServerWebInputException;

/**
 * RFC 9457 problems for the campaigns API: a 400 names the field at fault, a 503 asks the caller to send the same
 * change again.
 */
@RestControllerAdvice(assignableTypes = CampaignController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CampaignProblems {

    private static final Logger log = LoggerFactory.getLogger(CampaignProblems.class);

    private static final String TYPE = "invalid-campaign";
    private static final String TITLE = "Invalid campaign";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidContactsException e) {
        return Problems.badRequest(TYPE, TITLE, e.field() == null ? "body" : e.field(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return Problems.unreadableBody(e, TYPE, TITLE, "a JSON campaign, JSON contacts or CSV contacts");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(DialerNotReadyException e) {
        return Problems.unavailable("Campaigns not read yet", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        log.warn("Campaign change not confirmed by Kafka", e);
        return Problems.unavailable(
                "Campaign change not confirmed", "the change was not confirmed by Kafka; send it again");
    }
}
