package io.switchboard.orchestrator.call.messaging;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.config.CallsProperties;
import io.switchboard.orchestrator.call.domain.Call;
import io.switchboard.orchestrator.call.domain.CallStatePublisher;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes snapshots to call-states.v1 in the listener's transaction. The partition is the one the
 * call's events came from, not left to the partitioner: rebuilding a partition's calls from the
 * same partition number of call-states.v1 then holds even if a producer keys differently.
 */
@Component
class KafkaCallStatePublisher implements CallStatePublisher {

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventEnvelopes envelopes;
    private final CallsProperties properties;

    KafkaCallStatePublisher(KafkaTemplate<String, CloudEvent> template, EventEnvelopes envelopes,
            CallsProperties properties) {
        this.template = template;
        this.envelopes = envelopes;
        this.properties = properties;
    }

    @Override
    public void publish(int partition, Call call) {
        String id = CallSnapshots.eventId(call);
        CloudEvent event = envelopes.wrap(EventTypes.CALL_STATE_CHANGED, id, call.callId(), call.changedAt(),
                CallSnapshots.toEvent(call));
        try {
            template.send(new ProducerRecord<>(Topic.CALL_STATES.topicName(), partition, call.callId(), event))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted publishing the state of call " + call.callId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish the state of call " + call.callId(), e);
        }
    }
}
