package io.switchboard.dialer.request.messaging;

import java.time.Clock;
import java.time.Instant;

import io.switchboard.dialer.placement.messaging.DialerEventPublisher;
import io.switchboard.dialer.placement.messaging.RequestOrigin;
import io.switchboard.dialer.placement.messaging.RequestOutcomes;
import io.switchboard.dialer.request.domain.CallRequestValidator;
import io.switchboard.dialer.request.domain.Validation;
import io.switchboard.dialer.request.publisher.CallRequestPublishers;
import io.switchboard.dialer.request.publisher.CallRequestPublishers.Publisher;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.request.CallRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes call requests from every publisher's topic. A valid one for an account its publisher may
 * request calls for is passed on, keyed by account, to the instance that admits that account's requests
 * ({@code dialer-requests.v1}); anything else, unparseable bytes included, gets a CallRequestRejected
 * naming the field at fault. Runs in the container's Kafka transaction with the offset commit.
 */
@Component
class CallRequestListener {

    static final String ID = "call-requests";

    private static final Logger log = LoggerFactory.getLogger(CallRequestListener.class);

    private final CallRequestPublishers publishers;
    private final CallRequestValidator validator;
    private final DialerEventPublisher publisher;
    private final RequestOutcomes outcomes;
    private final Clock clock;

    CallRequestListener(
            CallRequestPublishers publishers,
            CallRequestValidator validator,
            DialerEventPublisher publisher,
            RequestOutcomes outcomes,
            Clock clock) {
        this.publishers = publishers;
        this.validator = validator;
        this.publisher = publisher;
        this.outcomes = outcomes;
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
                Publisher from = publishers.ofTopic(record.topic()).orElseThrow();
                if (from.mayRequestFor(valid.request().accountId())) {
                    publisher.received(new CallRequestReceived(valid.request(), from.name(), writtenAt(record)));
                } else {
                    refuseForeignAccount(origin, from, valid.request());
                }
            }
            case Validation.Invalid invalid -> {
                log.info(
                        "Rejected call request {} at {}: {}", invalid.requestId(), origin.position(), invalid.reason());
                reject(origin, invalid.requestId(), invalid.accountId(), invalid.reason(), invalid.field());
            }
        }
    }

    /** The publisher's producer set it; a broker set to log-append time sets it on arrival, which is as good. */
    private Instant writtenAt(ConsumerRecord<String, byte[]> record) {
        return record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE || record.timestamp() < 0
                ? clock.instant()
                : Instant.ofEpochMilli(record.timestamp());
    }

    /** The publisher's topic is its principal's alone (broker ACLs), so the account is outside its authority. */
    private void refuseForeignAccount(RequestOrigin origin, Publisher from, CallRequest request) {
        log.warn(
                "Refused call request {} at {}: publisher {} ({}) may not request calls for account {}",
                request.requestId(),
                origin.position(),
                from.name(),
                from.principal(),
                request.accountId());
        reject(
                origin,
                request.requestId(),
                request.accountId(),
                "publisher " + from.name() + " may not request calls for account " + request.accountId(),
                "accountId");
    }

    private void reject(RequestOrigin origin, String requestId, String accountId, String reason, String field) {
        publisher.rejected(origin, new CallRequestRejected(requestId, accountId, reason, field, clock.instant()));
        outcomes.rejected();
    }
}
