package io.switchboard.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads partitions from given offsets up to their end offsets as of the start of the read. */
final class BoundedRead {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_AT_MOST = Duration.ofSeconds(30);

    private BoundedRead() {}

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, IsolationLevel isolation) {
        return new KafkaConsumer<>(
                TestKafkaClients.consumerConfig(bootstrapServers, isolation),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** The partitions of these topics that exist; a missing topic has none. */
    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        return topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, TIMEOUT).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
    }

    static List<ConsumerRecord<String, byte[]>> read(
            String bootstrapServers, Map<TopicPartition, Long> from, IsolationLevel isolation) {
        try (var consumer = consumer(bootstrapServers, isolation)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet(), TIMEOUT);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read up to " + end + " within " + READ_AT_MOST);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
    }
}
