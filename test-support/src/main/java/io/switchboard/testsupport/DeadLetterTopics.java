package io.switchboard.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads dead-letter topics the way a test asserts on them: what is there now, or what arrives for a key. */
public final class DeadLetterTopics {

    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";

    private final String bootstrapServers;

    public DeadLetterTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every dead letter of {@code source} written so far, oldest first. */
    public List<ConsumerRecord<String, byte[]>> of(Topic source) {
        String topic = source.deadLetterTopicName();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The dead letters of any of {@code sources} whose key is one of {@code keys}. */
    public List<ConsumerRecord<String, byte[]>> withKeys(Collection<Topic> sources, Set<String> keys) {
        return sources.stream().flatMap(source -> of(source).stream()).filter(r -> keys.contains(r.key())).toList();
    }

    /** Waits (up to a minute) for the first dead letter of {@code source} keyed {@code key}. */
    public ConsumerRecord<String, byte[]> awaitOne(Topic source, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> of(source).stream().filter(r -> key.equals(r.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
