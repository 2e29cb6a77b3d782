package io.switchboard.billing.charging.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.billing.charging.domain.CallCharger;
import io.switchboard.billing.rating.domain.UnratableCallException;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads call-states.v1 inside a Kafka transaction (Boot wires the KafkaTransactionManager into the
 * container): whatever {@link CallCharger} publishes commits together with this record's offset.
 * Records that can never be charged are rejected and go to {@code call-states.v1-dlt} with the reason.
 */
@Component
class CallStateListener {

    private final EventEnvelopes envelopes;
    private final CallCharger charger;

    CallStateListener(EventEnvelopes envelopes, CallCharger charger) {
        this.envelopes = envelopes;
        this.charger = charger;
    }

    @KafkaListener(id = "billing-call-states", idIsGroup = false, topics = Topic.Names.CALL_STATES)
    void onCallState(ConsumerRecord<String, CloudEvent> record) {
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.CALL_STATE_CHANGED)) {
            throw new RejectedEventException("event " + event.id() + " is " + event.type()
                    + "; call-states.v1 carries only " + EventTypes.CALL_STATE_CHANGED.token());
        }
        CallStateChanged call = event.as(EventTypes.CALL_STATE_CHANGED).payload();
        try (var callId = MDC.putCloseable("callId", String.valueOf(call.callId()));
                var accountId = MDC.putCloseable("accountId", String.valueOf(call.accountId()))) {
            charger.charge(call);
        } catch (UnratableCallException e) {
            throw new RejectedEventException(e.getMessage(), e);
        }
    }
}
