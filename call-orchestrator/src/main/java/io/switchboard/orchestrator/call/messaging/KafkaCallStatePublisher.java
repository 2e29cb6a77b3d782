package io.switchboard.orchestrator.call.messaging;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.domain.Call;
import io.switchboard.orchestrator.call.domain.CallStatePublisher;
import org.springframework.stereotype.Component;

/**
 * Writes snapshots to call-states.v1 in the listener's transaction, keyed and subject by the call's
 * key ({@code provider:accountId:providerCallId}), so the compacted topic keeps one record per call and
 * another account's call with the same provider call id can never replace it. The partition is the
 * one the call's events came from (keyed by the provider's call id), not left to the partitioner:
 * rebuilding a partition's calls from the same partition number of call-states.v1 then holds.
 */
@Component
class KafkaCallStatePublisher implements CallStatePublisher {

    private final EventPublisher events;

    KafkaCallStatePublisher(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(int partition, Call call) {
        String key = call.key().canonical();
        events.publishAndWait(
                Topic.CALL_STATES,
                partition,
                key,
                OutgoingEvent.of(
                        EventTypes.CALL_STATE_CHANGED,
                        CallSnapshots.eventId(call),
                        key,
                        call.changedAt(),
                        CallSnapshots.toEvent(call)));
    }
}
