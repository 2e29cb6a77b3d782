package io.switchboard.dialer.placement.messaging;

import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import org.springframework.stereotype.Component;

/**
 * Publishes the dialer's events. Called from the transactional listeners, so each send joins the
 * listener's Kafka transaction, or from the pacer inside a transaction of its own; waiting on a send
 * surfaces a failure as a failed record (rolled back and retried while the broker cannot take it) instead
 * of losing it. Every outcome of a request also goes to its publisher on {@code call-outcomes.v1}, in the
 * same transaction as the event it summarizes.
 */
@Component
public class DialerEventPublisher {

    private final EventPublisher events;

    DialerEventPublisher(EventPublisher events) {
        this.events = events;
    }

    /** Keyed by account: the partition that key maps to decides which instance admits the request. */
    public void received(CallRequestReceived received) {
        var request = received.request();
        String key = DialIntentRecorded.key(request.accountId(), request.requestId());
        events.publishAndWait(
                Topic.DIALER_REQUESTS,
                request.accountId(),
                OutgoingEvent.of(
                        EventTypes.CALL_REQUEST_RECEIVED,
                        EventIds.of("call-request-received", key),
                        request.requestId(),
                        received.receivedAt(),
                        received));
    }

    /** Runs {@code work}'s publications in a transaction of their own: committed when this returns, else it throws. */
    public void inOwnTransaction(Runnable work) {
        events.inOwnTransaction(work);
    }

    /** As {@link #received}, from outside a listener: committed when this returns, else it throws. */
    public void receivedInOwnTransaction(CallRequestReceived received) {
        events.inOwnTransaction(() -> received(received));
    }

    /** A caller's cancellation, to the account's owner, from outside a listener: committed when this returns. */
    public void cancelledInOwnTransaction(CallRequestCancelled cancelled) {
        events.inOwnTransaction(() -> cancelled(cancelled));
    }

    /** A caller's cancellation, to the account's owner, in the transaction under way. */
    public void cancelled(CallRequestCancelled cancelled) {
        String id = EventIds.of(
                "call-request-cancelled",
                DialIntentRecorded.key(cancelled.accountId(), cancelled.requestId()),
                cancelled.cancelledAt().toString());
        toRequestOwner(
                cancelled.accountId(),
                OutgoingEvent.of(
                        EventTypes.CALL_REQUEST_CANCELLED,
                        id,
                        cancelled.requestId(),
                        cancelled.cancelledAt(),
                        cancelled));
    }

    /**
     * An admitted request: its intent, its place in its provider account's queue and the publisher's
     * "accepted", in the listener's transaction.
     */
    void queued(int partition, DialIntentRecorded intent, QueuedCallRecorded queued) {
        publishIntent(partition, intent);
        queueStep(queued);
        publishOutcome(
                intent.requestId(),
                CallRequestOutcome.accepted(intent.requestId(), intent.accountId(), intent.recordedAt()));
    }

    /** A request due later: its scheduled intent and the publisher's "scheduled", in the listener's transaction. */
    void scheduled(int partition, DialIntentRecorded intent) {
        publishIntent(partition, intent);
        publishOutcome(
                intent.requestId(),
                CallRequestOutcome.scheduled(
                        intent.requestId(), intent.accountId(), intent.dueAt(), intent.reason(), intent.recordedAt()));
    }

    /**
     * A step of a queued request, keyed by its provider account: the partition that key maps to makes one
     * instance the owner of the account's limits.
     */
    public void queueStep(QueuedCallRecorded step) {
        String id = EventIds.of(
                "queued-call-recorded",
                DialIntentRecorded.key(step.accountId(), step.requestId()),
                step.step().wireValue(),
                String.valueOf(step.attempt()));
        events.publishAndWait(
                Topic.DIALER_QUEUE,
                step.providerAccount(),
                OutgoingEvent.of(EventTypes.QUEUED_CALL_RECORDED, id, step.requestId(), step.recordedAt(), step));
    }

    /**
     * Tells a request's account owner, through its partition of {@code dialer-requests.v1}, what the queue's
     * owner made of it: its intent follows.
     */
    public void toRequestOwner(String accountId, OutgoingEvent<?> event) {
        events.publishAndWait(Topic.DIALER_REQUESTS, accountId, event);
    }

    /** A placed or rejected intent, in the listener's transaction with the event that says so. */
    void settle(int partition, DialIntentRecorded intent) {
        publishIntent(partition, intent);
    }

    /** Keyed and subject by the provider's call id, like every other event of the call. */
    public OutgoingEvent<CallPlaced> placed(CallPlaced placed) {
        String id = EventIds.of("call-placed", placed.requestId());
        var event = OutgoingEvent.of(EventTypes.CALL_PLACED, id, placed.callId(), placed.placedAt(), placed);
        events.publishAndWait(Topic.PROVIDER_EVENTS, placed.callId(), event);
        publishOutcome(
                placed.requestId(),
                CallRequestOutcome.placed(placed.requestId(), placed.accountId(), placed.callId(), placed.placedAt()));
        return event;
    }

    /** Keyed by the request id, or by the record's own key when the request id could not be read. */
    public OutgoingEvent<CallRequestRejected> rejected(RequestOrigin origin, CallRequestRejected rejected) {
        String requestId = rejected.requestId();
        String id = EventIds.of("call-request-rejected", requestId != null ? requestId : origin.position());
        String key = requestId != null ? requestId : origin.key();
        var event = OutgoingEvent.of(EventTypes.CALL_REQUEST_REJECTED, id, key, rejected.rejectedAt(), rejected);
        events.publishAndWait(Topic.PROVIDER_EVENTS, key, event);
        publishOutcome(key, CallRequestOutcome.rejected(rejected));
        return event;
    }

    /** Keyed by request id; the id names the request's account, so two accounts' requests never share one. */
    private void publishOutcome(String key, CallRequestOutcome outcome) {
        // A recurring request is scheduled once per due time.
        String id = outcome.dueAt() == null
                ? EventIds.of(
                        "call-request-outcome",
                        String.valueOf(outcome.accountId()),
                        key,
                        outcome.outcome().wireValue())
                : EventIds.of(
                        "call-request-outcome",
                        String.valueOf(outcome.accountId()),
                        key,
                        outcome.outcome().wireValue(),
                        outcome.dueAt().toString());
        events.publishAndWait(
                Topic.CALL_OUTCOMES,
                key,
                OutgoingEvent.of(EventTypes.CALL_REQUEST_OUTCOME, id, key, outcome.occurredAt(), outcome));
    }

    private void publishIntent(int partition, DialIntentRecorded intent) {
        String id = EventIds.of(
                "dial-intent-recorded",
                intent.key(),
                intent.state().wireValue(),
                intent.recordedAt().toString());
        events.publishAndWait(
                Topic.DIALER_INTENTS,
                partition,
                intent.key(),
                OutgoingEvent.of(EventTypes.DIAL_INTENT_RECORDED, id, intent.key(), intent.recordedAt(), intent));
    }
}
