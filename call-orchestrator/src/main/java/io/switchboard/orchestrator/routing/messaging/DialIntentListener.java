package io.switchboard.orchestrator.routing.messaging;

import java.time.Clock;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.routing.domain.OutboundRequests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every partition of {@code dialer-intents.v1} (a group of its own), from the
 * retention back, so whichever instance gets a routing request knows the request behind the call.
 */
@Component
class DialIntentListener implements ConsumerSeekAware {

    private final OutboundRequests requests;
    private final EventEnvelopes envelopes;
    private final EventRefusals refusals;
    private final Clock clock;

    DialIntentListener(OutboundRequests requests, EventEnvelopes envelopes, EventRefusals refusals, Clock clock) {
        this.requests = requests;
        this.envelopes = envelopes;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(
                assignments.keySet(),
                clock.instant().minus(requests.retention()).toEpochMilli());
    }

    @KafkaListener(
            id = "outbound-requests",
            groupId = "${spring.application.name}-outbound-requests-${random.uuid}",
            topics = Topic.Names.DIALER_INTENTS)
    void on(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.DIAL_INTENT_RECORDED)) {
            throw new RejectedEventException("event " + event.id() + " is " + event.type()
                    + "; dialer-intents.v1 carries only " + EventTypes.DIAL_INTENT_RECORDED.token());
        }
        var intent = event.as(EventTypes.DIAL_INTENT_RECORDED).payload();
        if (!intent.key().equals(record.key())) {
            throw new RejectedEventException(
                    "intent " + event.id() + " is filed under " + record.key() + ", not its own account and request");
        }
        requests.apply(intent);
    }
}
