package io.switchboard.events.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Signs and publishes events, and waits for the broker in one way: {@code publishAndWait} blocks at
 * most the publish timeout and fails with {@link PublishFailedException}. Inside a Kafka transaction
 * (a transactional listener, or {@link #inOwnTransaction}) a send joins it.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventEnvelopes envelopes;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<String, CloudEvent> template, EventEnvelopes envelopes, Duration timeout) {
        this.template = template;
        this.envelopes = envelopes;
        this.timeout = timeout;
    }

    /** Keyed; the partitioner picks the partition from the key. */
    public void publishAndWait(Topic topic, String key, OutgoingEvent<?> event) {
        PublishDeadline.await(timeout, describe(topic, event), send(topic, null, key, event));
    }

    /** To a chosen partition, for topics whose readers rely on a partition number matching another topic's. */
    public void publishAndWait(Topic topic, int partition, String key, OutgoingEvent<?> event) {
        PublishDeadline.await(timeout, describe(topic, event), send(topic, partition, key, event));
    }

    /**
     * An event signed by another producer, passed on unchanged: readers of {@code topic} verify it as they
     * would on the topic it came from (the dialer routes a provider's machine detection result to the owner
     * of its account this way).
     */
    public void forwardAndWait(Topic topic, String key, CloudEvent signed) {
        PublishDeadline.await(
                timeout,
                signed.getType() + " " + signed.getId() + " forwarded to " + topic.topicName(),
                template.send(new ProducerRecord<>(topic.topicName(), key, signed)));
    }

    /** Several events sent together (one round trip, not one per event), each keyed by its subject's key. */
    public void publishAllAndWait(Publication... publications) {
        var sends = new CompletableFuture<?>[publications.length];
        for (int i = 0; i < publications.length; i++) {
            Publication p = publications[i];
            sends[i] = send(p.topic(), null, p.key(), p.event());
        }
        PublishDeadline.await(timeout, publications.length + " events", sends);
    }

    /**
     * Publishes so that the event is as durable as the caller's work: inside a Kafka transaction (a
     * transactional listener, {@link #inOwnTransaction}) it joins it and commits or aborts with it;
     * otherwise it is committed in a transaction of its own where this producer is transactional, or
     * sent and acknowledged where it is not. Outside a transaction it returns only once the broker has it.
     */
    public void publishCommitted(Publication... publications) {
        if (template.isTransactional() && !template.inTransaction()) {
            inOwnTransaction(() -> publishAllAndWait(publications));
        } else {
            publishAllAndWait(publications);
        }
    }

    /**
     * Runs {@code work} in a Kafka transaction of its own and commits it: when this returns, whatever
     * {@code work} published is committed; otherwise it throws {@link PublishFailedException} and
     * nothing is visible to read-committed readers.
     */
    public void inOwnTransaction(Runnable work) {
        try {
            template.executeInTransaction(operations -> {
                work.run();
                return null;
            });
        } catch (PublishFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PublishFailedException("the transaction did not commit", e);
        }
    }

    private CompletableFuture<SendResult<String, CloudEvent>> send(
            Topic topic, Integer partition, String key, OutgoingEvent<?> event) {
        return template.send(new ProducerRecord<>(topic.topicName(), partition, key, signed(event)));
    }

    private <T> CloudEvent signed(OutgoingEvent<T> event) {
        return envelopes.wrap(event.type(), event.id(), event.subject(), event.time(), event.payload());
    }

    private static String describe(Topic topic, OutgoingEvent<?> event) {
        return event.type().token() + " " + event.id() + " on " + topic.topicName();
    }

    /** One event for {@link #publishAllAndWait}. */
    public record Publication(Topic topic, String key, OutgoingEvent<?> event) {}
}
