package io.switchboard.billing.charging.messaging;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.billing.charging.domain.CallCharger;
import io.switchboard.billing.rating.domain.UnratableCallException;
import io.switchboard.events.call.CallIdentity;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads call-states.v1 inside a Kafka transaction (Boot wires the KafkaTransactionManager into the
 * container): whatever {@link CallCharger} publishes commits together with this record's offset.
 * Records that can never be charged are rejected and go to {@code call-states.v1-dlt} with the reason.
 * A snapshot whose record key or subject is not the call key its payload names (another account's,
 * say) is refused: logged, counted as {@code switchboard.events.refused} and passed over, never charged;
 * so is a tombstone, which nobody signs ({@code unsigned-tombstone}).
 */
@Component
class CallStateListener {

    private final EventEnvelopes envelopes;
    private final CallCharger charger;
    private final EventRefusals refusals;

    CallStateListener(EventEnvelopes envelopes, CallCharger charger, EventRefusals refusals) {
        this.envelopes = envelopes;
        this.charger = charger;
        this.refusals = refusals;
    }

    @KafkaListener(id = "billing-call-states", idIsGroup = false, topics = Topic.Names.CALL_STATES)
    void onCallState(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.CALL_STATE_CHANGED)) {
            throw new RejectedEventException("event " + event.id() + " is " + event.type()
                    + "; call-states.v1 carries only " + EventTypes.CALL_STATE_CHANGED.token());
        }
        CallStateChanged call = event.as(EventTypes.CALL_STATE_CHANGED).payload();
        Optional<Refusal> refusal = refusalOf(record, event, call);
        if (refusal.isPresent()) {
            refusals.refuse(record, event.id(), refusal.get());
            return;
        }
        try (var callId = MDC.putCloseable("callId", String.valueOf(call.callId()));
                var accountId = MDC.putCloseable("accountId", String.valueOf(call.accountId()))) {
            charger.charge(call);
        } catch (UnratableCallException e) {
            throw new RejectedEventException(e.getMessage(), e);
        }
    }

    /**
     * A snapshot must be filed under its own call key, as the orchestrator writes it. One that names no
     * whole call is invalid, whatever its key: it is rejected, so it goes to the DLT like an unratable call.
     */
    private static Optional<Refusal> refusalOf(
            ConsumerRecord<String, CloudEvent> record, ReceivedEvent<Object> event, CallStateChanged call) {
        CallKey key;
        try {
            key = CallKey.of(call);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException("event " + event.id() + " names no whole call: " + e.getMessage(), e);
        }
        return CallIdentity.keyedByCall(record.key(), event.subject(), key);
    }
}
