package io.switchboard.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads every partition of a topic from its beginning (committed records only) in the test's own
 * thread, keeping what it has read, and waits for the records a test expects. Records its
 * deserializer cannot read are passed over. Open it once the topic exists.
 */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic, Deserializer<V> values) {
        this.consumer = new KafkaConsumer<>(
                TestKafkaClients.consumerConfig(bootstrapServers, IsolationLevel.READ_COMMITTED),
                new StringDeserializer(),
                values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A topic's CloudEvents on the run's shared broker. */
    public static TopicReader<CloudEvent> cloudEvents(String topic) {
        return cloudEvents(SharedKafkaBroker.bootstrapServers(), topic);
    }

    public static TopicReader<CloudEvent> cloudEvents(String bootstrapServers, String topic) {
        return new TopicReader<>(bootstrapServers, topic, TestKafkaClients.cloudEventDeserializer());
    }

    /** A topic's records as bytes on the run's shared broker, e.g. dead letters. */
    public static TopicReader<byte[]> bytes(String topic) {
        return bytes(SharedKafkaBroker.bootstrapServers(), topic);
    }

    public static TopicReader<byte[]> bytes(String bootstrapServers, String topic) {
        return new TopicReader<>(bootstrapServers, topic, new ByteArrayDeserializer());
    }

    /** Polls until the records that match {@code filter} satisfy {@code until} (at most a minute), and returns them. */
    public List<ConsumerRecord<String, V>> await(
            Predicate<ConsumerRecord<String, V>> filter, Predicate<List<ConsumerRecord<String, V>>> until) {
        return Awaitility.await()
                .atMost(TIMEOUT)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .until(
                        () -> {
                            try {
                                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                            } catch (RecordDeserializationException e) {
                                // A test's deliberate poison on a shared topic: never what a reader waits for.
                                consumer.seek(e.topicPartition(), e.offset() + 1);
                            }
                            return records.stream().filter(filter).toList();
                        },
                        until);
    }

    /** Waits for at least {@code count} records with this key. */
    public List<ConsumerRecord<String, V>> awaitKey(String key, int count) {
        return await(record -> key.equals(record.key()), matched -> matched.size() >= count);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
