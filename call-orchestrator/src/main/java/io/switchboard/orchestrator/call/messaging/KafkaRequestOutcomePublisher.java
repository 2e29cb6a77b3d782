package io.switchboard.orchestrator.call.messaging;

import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.domain.Call;
import io.switchboard.orchestrator.call.domain.RequestOutcomePublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a request's {@code finished} outcome to call-outcomes.v1 in the listener's transaction, beside the
 * call's terminal snapshot: keyed and subject by the request id, like the dialer's outcomes of the same
 * request, so a publisher reads all of them in order from one partition.
 */
@Component
class KafkaRequestOutcomePublisher implements RequestOutcomePublisher {

    private final EventPublisher events;

    KafkaRequestOutcomePublisher(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void finished(Call call) {
        String requestId = call.requestId();
        CallRequestOutcome outcome = CallRequestOutcome.finished(
                requestId,
                call.accountId(),
                call.providerCallId(),
                call.status(),
                call.durationSeconds(),
                call.changedAt());
        events.publishAndWait(
                Topic.CALL_OUTCOMES,
                requestId,
                OutgoingEvent.of(
                        EventTypes.CALL_REQUEST_OUTCOME, eventId(outcome), requestId, call.changedAt(), outcome));
    }

    /**
     * The dialer's recipe for its outcomes ({@code call-request-outcome}, account, request id, outcome): a
     * request finishes once, so its {@code finished} has one id, whichever record or redelivery publishes it,
     * and readers that deduplicate by id take it once.
     */
    static String eventId(CallRequestOutcome outcome) {
        return EventIds.of(
                "call-request-outcome",
                outcome.accountId(),
                outcome.requestId(),
                outcome.outcome().wireValue());
    }
}
