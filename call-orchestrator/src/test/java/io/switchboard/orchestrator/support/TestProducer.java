package io.switchboard.orchestrator.support;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes as the ingress and the dialer would: CloudEvents keyed by call id, or raw bytes for poison. */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> events =
            new KafkaProducer<>(TestKafka.producerConfig(), new StringSerializer(), TestKafka.cloudEventSerializer());
    private final KafkaProducer<String, byte[]> bytes =
            new KafkaProducer<>(TestKafka.producerConfig(), new StringSerializer(), new ByteArraySerializer());

    public void send(Topic topic, String key, CloudEvent... values) {
        for (CloudEvent value : values) {
            await(events.send(new ProducerRecord<>(topic.topicName(), key, value)));
        }
    }

    public void sendBytes(Topic topic, String key, byte[] value) {
        await(bytes.send(new ProducerRecord<>(topic.topicName(), key, value)));
    }

    private static void await(Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The test broker did not take a record", e);
        }
    }

    @Override
    public void close() {
        events.close();
        bytes.close();
    }
}
