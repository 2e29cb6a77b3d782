package io.switchboard.dialer.request.messaging;

import java.time.Clock;

import io.switchboard.dialer.placement.domain.CallDialer;
import io.switchboard.dialer.placement.domain.DialOutcome;
import io.switchboard.dialer.request.domain.CallRequestValidator;
import io.switchboard.dialer.request.domain.Validation;
import io.switchboard.dialer.request.publisher.CallRequestPublishers;
import io.switchboard.dialer.request.publisher.CallRequestPublishers.Publisher;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.transaction.TransactionEffects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes call requests from every publisher's topic: a valid one for an account its publisher may
 * request calls for is dialed (at most once per request id) and announced with CallPlaced; anything
 * else, unparseable bytes included, gets a CallRequestRejected naming the field at fault. Runs in the
 * container's Kafka transaction with the offset commit.
 */
@Component
class CallRequestListener {

    static final String ID = "call-requests";

    private static final Logger log = LoggerFactory.getLogger(CallRequestListener.class);

    private final CallRequestPublishers publishers;
    private final CallRequestValidator validator;
    private final CallDialer dialer;
    private final DialerEventPublisher publisher;
    private final RequestOutcomes outcomes;
    private final TransactionEffects transaction;
    private final Clock clock;

    CallRequestListener(
            CallRequestPublishers publishers,
            CallRequestValidator validator,
            CallDialer dialer,
            DialerEventPublisher publisher,
            RequestOutcomes outcomes,
            TransactionEffects transaction,
            Clock clock) {
        this.publishers = publishers;
        this.validator = validator;
        this.dialer = dialer;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.transaction = transaction;
        this.clock = clock;
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "#{@" + CallRequestPublishers.TOPICS_BEAN + "}",
            containerFactory = CallRequestConsumerConfig.CONTAINER_FACTORY)
    void onCallRequest(ConsumerRecord<String, byte[]> record) {
        RequestOrigin origin = RequestOrigin.of(record);
        switch (validator.validate(record.value())) {
            case Validation.Valid valid -> {
                Publisher publisher = publishers.ofTopic(record.topic()).orElseThrow();
                if (publisher.mayRequestFor(valid.request().accountId())) {
                    dial(origin, valid.request());
                } else {
                    refuseForeignAccount(origin, publisher, valid.request());
                }
            }
            case Validation.Invalid invalid -> {
                log.info(
                        "Rejected call request {} at {}: {}", invalid.requestId(), origin.position(), invalid.reason());
                reject(origin, invalid.requestId(), invalid.accountId(), invalid.reason(), invalid.field());
            }
        }
    }

    private void dial(RequestOrigin origin, CallRequest request) {
        switch (dialer.dial(request)) {
            case DialOutcome.Placed placed -> {
                publisher.placed(placed.event());
                transaction.afterCommit(() -> dialer.confirm(request.requestId()));
                outcomes.placed();
                log.info(
                        "Placed call {} for request {} of account {}",
                        placed.event().callId(),
                        request.requestId(),
                        request.accountId());
            }
            case DialOutcome.Duplicate duplicate -> {
                outcomes.duplicate();
                log.info("Call request {} already dialed; not dialing again", duplicate.requestId());
            }
            case DialOutcome.Rejected rejected ->
                reject(origin, request.requestId(), request.accountId(), rejected.reason(), null);
        }
    }

    /** The publisher's topic is its principal's alone (broker ACLs), so the account is outside its authority. */
    private void refuseForeignAccount(RequestOrigin origin, Publisher publisher, CallRequest request) {
        log.warn(
                "Refused call request {} at {}: publisher {} ({}) may not request calls for account {}",
                request.requestId(),
                origin.position(),
                publisher.name(),
                publisher.principal(),
                request.accountId());
        reject(
                origin,
                request.requestId(),
                request.accountId(),
                "publisher " + publisher.name() + " may not request calls for account " + request.accountId(),
                "accountId");
    }

    private void reject(RequestOrigin origin, String requestId, String accountId, String reason, String field) {
        publisher.rejected(origin, new CallRequestRejected(requestId, accountId, reason, field, clock.instant()));
        outcomes.rejected();
    }
}
