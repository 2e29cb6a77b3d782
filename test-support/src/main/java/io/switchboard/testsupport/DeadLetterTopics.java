package io.switchboard.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/** Reads dead-letter topics the way a test asserts on them: what is there now, or what arrives for a key. */
public final class DeadLetterTopics {

    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";

    private final String bootstrapServers;

    public DeadLetterTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every dead letter of {@code source} written so far, oldest first (per partition). */
    public List<ConsumerRecord<String, byte[]>> of(Topic source) {
        return TopicContents.records(bootstrapServers, source.deadLetterTopicName(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** The dead letters of any of {@code sources} whose key is one of {@code keys}. */
    public List<ConsumerRecord<String, byte[]>> withKeys(Collection<Topic> sources, Set<String> keys) {
        return sources.stream()
                .flatMap(source -> of(source).stream())
                .filter(r -> keys.contains(r.key()))
                .toList();
    }

    /** Waits (up to a minute) for the first dead letter of {@code source} keyed {@code key}. */
    public ConsumerRecord<String, byte[]> awaitOne(Topic source, String key) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> of(source).stream()
                                .filter(r -> key.equals(r.key()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaRecords.header(record, name);
    }
}
