package io.switchboard.events.kafka;

import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.topic.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Signs and publishes events. Inside a Kafka transaction (a transactional listener) the send joins
 * it; elsewhere callers must act on the returned future, never drop it.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventEnvelopes envelopes;

    public EventPublisher(KafkaTemplate<String, CloudEvent> template, EventEnvelopes envelopes) {
        this.template = template;
        this.envelopes = envelopes;
    }

    public <T> CompletableFuture<SendResult<String, CloudEvent>> publish(Topic topic, String key, OutgoingEvent<T> event) {
        CloudEvent signed = envelopes.wrap(event.type(), event.id(), event.subject(), event.time(), event.payload());
        return template.send(topic.topicName(), key, signed);
    }

    public KafkaTemplate<String, CloudEvent> template() {
        return template;
    }
}
