package io.switchboard.dialer.request.messaging;

import java.time.Clock;

import io.switchboard.dialer.placement.domain.CallDialer;
import io.switchboard.dialer.placement.domain.DialOutcome;
import io.switchboard.dialer.request.domain.CallRequestValidator;
import io.switchboard.dialer.request.domain.Validation;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.topic.Topic;
import io.switchboard.events.transaction.TransactionEffects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes call requests: a valid one is dialed (at most once per request id) and announced with
 * CallPlaced; anything else, unparseable bytes included, gets a CallRequestRejected naming the
 * field at fault. Runs in the container's Kafka transaction with the offset commit.
 */
@Component
class CallRequestListener {

    static final String ID = "call-requests";

    private static final Logger log = LoggerFactory.getLogger(CallRequestListener.class);

    private final CallRequestValidator validator;
    private final CallDialer dialer;
    private final DialerEventPublisher publisher;
    private final RequestOutcomes outcomes;
    private final TransactionEffects transaction;
    private final Clock clock;

    CallRequestListener(
            CallRequestValidator validator,
            CallDialer dialer,
            DialerEventPublisher publisher,
            RequestOutcomes outcomes,
            TransactionEffects transaction,
            Clock clock) {
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
            topics = Topic.Names.CALL_REQUESTS,
            containerFactory = CallRequestConsumerConfig.CONTAINER_FACTORY)
    void onCallRequest(ConsumerRecord<String, byte[]> record) {
        RequestOrigin origin = RequestOrigin.of(record);
        switch (validator.validate(record.value())) {
            case Validation.Valid valid -> dial(origin, valid.request());
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

    private void reject(RequestOrigin origin, String requestId, String accountId, String reason, String field) {
        publisher.rejected(origin, new CallRequestRejected(requestId, accountId, reason, field, clock.instant()));
        outcomes.rejected();
    }
}
