package io.switchboard.orchestrator.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads every partition of a topic from its beginning (committed records only), keeping what it has read.
 * Records its deserializer cannot read are passed over.
 */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    private TopicReader(String topic, Deserializer<V> values) {
        this.consumer = new KafkaConsumer<>(TestKafka.consumerConfig(), new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public static TopicReader<CloudEvent> cloudEvents(String topic) {
        return new TopicReader<>(topic, TestKafka.cloudEventDeserializer());
    }

    public static TopicReader<byte[]> bytes(String topic) {
        return new TopicReader<>(topic, new ByteArrayDeserializer());
    }

    /** Polls until the records that match {@code filter} satisfy {@code until}, and returns them. */
    public List<ConsumerRecord<String, V>> await(Predicate<ConsumerRecord<String, V>> filter,
            Predicate<List<ConsumerRecord<String, V>>> until) {
        return Awaitility.await().atMost(TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO)
                .until(() -> {
                    try {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    } catch (RecordDeserializationException e) {
                        // A test's deliberate poison on a shared topic: never what a reader waits for.
                        consumer.seek(e.topicPartition(), e.offset() + 1);
                    }
                    return records.stream().filter(filter).toList();
                }, until);
    }

    public List<ConsumerRecord<String, V>> awaitKey(String key, int count) {
        return await(record -> key.equals(record.key()), matched -> matched.size() >= count);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
