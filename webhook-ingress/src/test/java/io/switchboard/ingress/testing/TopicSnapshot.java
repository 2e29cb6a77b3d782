package io.switchboard.ingress.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end offsets of some topics at one moment, to read afterwards exactly what was appended since:
 * "nothing was published anywhere" and "this was published once" become assertions on a list.
 */
public final class TopicSnapshot {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_AT_MOST = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Map<TopicPartition, Long> endOffsets;

    private TopicSnapshot(String bootstrapServers, Map<TopicPartition, Long> endOffsets) {
        this.bootstrapServers = bootstrapServers;
        this.endOffsets = endOffsets;
    }

    /** Every topic of the catalogue and its dead-letter topic, as far as they exist. */
    public static TopicSnapshot ofCatalogue(String bootstrapServers) {
        return of(bootstrapServers, Stream.of(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopicName())).toList());
    }

    public static TopicSnapshot of(String bootstrapServers, Collection<String> topics) {
        try (var consumer = consumer(bootstrapServers, "read_uncommitted")) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, TIMEOUT).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            return new TopicSnapshot(bootstrapServers, Map.copyOf(consumer.endOffsets(partitions, TIMEOUT)));
        }
    }

    public int partitionCount() {
        return endOffsets.size();
    }

    /**
     * Every record appended to the snapshot's partitions since it was taken, up to their current end.
     *
     * @param isolationLevel {@code read_uncommitted} to see every record written, {@code read_committed}
     *                       for what a consumer of the topic would see
     */
    public List<ConsumerRecord<String, byte[]>> recordsSince(String isolationLevel) {
        try (var consumer = consumer(bootstrapServers, isolationLevel)) {
            consumer.assign(endOffsets.keySet());
            endOffsets.forEach(consumer::seek);
            Map<TopicPartition, Long> now = consumer.endOffsets(endOffsets.keySet(), TIMEOUT);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
            while (!reached(consumer, now)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read up to " + now + " within " + READ_AT_MOST);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String isolationLevel) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
