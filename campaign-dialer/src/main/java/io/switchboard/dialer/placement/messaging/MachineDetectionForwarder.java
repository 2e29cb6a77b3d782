package io.switchboard.dialer.placement.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Passes each machine detection result of a call placed for a request on to the owner of the request's
 * account: provider-events.v1 is keyed by call, the owner reads its account's partition of
 * dialer-requests.v1, where the request's policy and intent are. The ingress-signed event goes on unchanged
 * (the owner verifies it again), in this listener's Kafka transaction with the offset commit. Other provider
 * events are not this group's concern; the orchestrator dead-letters what cannot be verified, so a record
 * refused here is only logged, not dead-lettered twice.
 */
@Component
class MachineDetectionForwarder {

    static final String ID = "machine-detection-forwarder";

    private static final Logger log = LoggerFactory.getLogger(MachineDetectionForwarder.class);

    private final EventEnvelopes envelopes;
    private final EventPublisher events;

    MachineDetectionForwarder(EventEnvelopes envelopes, EventPublisher events) {
        this.envelopes = envelopes;
        this.events = events;
    }

    @KafkaListener(
            id = ID,
            groupId = "${spring.application.name}-machine-detection",
            topics = Topic.Names.PROVIDER_EVENTS)
    void onProviderEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent value = record.value();
        if (value == null || !EventTypes.ANSWERING_MACHINE_DETECTED.token().equals(value.getType())) {
            return;
        }
        ReceivedEvent<Object> event;
        try {
            event = envelopes.unwrap(value);
        } catch (RejectedEventException e) {
            log.warn(
                    "Not passing on {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        var detected = event.as(EventTypes.ANSWERING_MACHINE_DETECTED).payload();
        if (detected.requestId() == null || detected.accountId() == null) {
            return;
        }
        events.forwardAndWait(Topic.DIALER_REQUESTS, detected.accountId(), value);
    }
}
