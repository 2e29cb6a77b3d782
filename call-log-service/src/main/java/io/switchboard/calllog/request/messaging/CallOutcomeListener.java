package io.switchboard.calllog.request.messaging;

import java.time.Duration;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.request.domain.CallRequestLog;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what became of each call request, from {@code call-outcomes.v1} (the dialer's accepted, placed and
 * rejected, the orchestrator's finished), like the call log's other listeners: at-least-once, the offset committed
 * after the write, the write idempotent and order-independent ({@link CallRequestLog#record}). An outcome that
 * can never be applied (bad signature, a producer that may not sign outcomes, no outcome or time, a finished
 * one without its call's terminal status) is dead-lettered by the shared error handler; a MongoDB failure is
 * retried while the partition waits. An outcome filed under another request than the one it names (record key or
 * subject) is refused: logged, counted as {@code switchboard.events.refused}, not stored. A rejection of a
 * request record whose request id or account could not be read names no request the API could serve, and is
 * passed over.
 */
@Component
class CallOutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(CallOutcomeListener.class);

    private final EventEnvelopes envelopes;
    private final CallRequestLog requests;
    private final EventRefusals refusals;
    private final Duration writeTimeout;

    CallOutcomeListener(
            EventEnvelopes envelopes, CallRequestLog requests, EventRefusals refusals, CallLogProperties properties) {
        this.envelopes = envelopes;
        this.requests = requests;
        this.refusals = refusals;
        this.writeTimeout = properties.writeTimeout();
    }

    @KafkaListener(id = "call-log-call-outcomes", idIsGroup = false, topics = Topic.Names.CALL_OUTCOMES)
    void onOutcome(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.CALL_REQUEST_OUTCOME)) {
            log.debug("Ignoring {} on {}", event.type(), record.topic());
            return;
        }
        CallRequestOutcome outcome = event.as(EventTypes.CALL_REQUEST_OUTCOME).payload();
        require(outcome.outcome() != null, event, "outcome");
        require(outcome.occurredAt() != null, event, "occurredAt");
        if (outcome.outcome() == CallRequestOutcome.Outcome.FINISHED) {
            require(outcome.finalStatus() != null && outcome.finalStatus().isTerminal(), event, "terminal finalStatus");
        }
        if (outcome.requestId() == null || outcome.accountId() == null) {
            log.debug("Outcome {} names no request of an account; nothing to keep", event.id());
            return;
        }
        Optional<Refusal> refusal = misfiled(record.key(), event.subject(), outcome.requestId());
        if (refusal.isPresent()) {
            refusals.refuse(record, event.id(), refusal.get());
            return;
        }
        try (var requestId = MDC.putCloseable("requestId", outcome.requestId());
                var accountId = MDC.putCloseable("accountId", outcome.accountId())) {
            boolean added = Boolean.TRUE.equals(requests.record(outcome).block(writeTimeout));
            log.debug(
                    "Outcome {} of request {}: {}",
                    outcome.outcome().wireValue(),
                    outcome.requestId(),
                    added ? "added" : "already known");
        }
    }

    /** The record's key and signed subject must name the request the outcome is about. */
    private static Optional<Refusal> misfiled(String key, String subject, String requestId) {
        if (!requestId.equals(key)) {
            return Optional.of(new Refusal(
                    Refusal.KEY_MISMATCH, "record key " + key + " is not the outcome's request " + requestId));
        }
        if (!requestId.equals(subject)) {
            return Optional.of(new Refusal(
                    Refusal.SUBJECT_MISMATCH, "subject " + subject + " is not the outcome's request " + requestId));
        }
        return Optional.empty();
    }

    private static void require(boolean present, ReceivedEvent<?> event, String what) {
        if (!present) {
            throw new RejectedEventException("event " + event.id() + " (" + event.type() + ") has no " + what);
        }
    }
}
