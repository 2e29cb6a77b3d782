package io.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what the ingress wrote to provider-events.v1 between two points of the run, by the
 * CloudEvent id each record carries in its {@code ce_id} header (binary mode).
 */
final class ProviderEventsTopic implements AutoCloseable {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    ProviderEventsTopic(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.partitions = IntStream.range(0, Topic.PROVIDER_EVENTS.partitions())
                .mapToObj(p -> new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), p))
                .toList();
        consumer.assign(partitions);
    }

    /** Where the topic ends now. */
    Map<TopicPartition, Long> end() {
        return new HashMap<>(consumer.endOffsets(partitions));
    }

    /**
     * Compares the records written since {@code from} with the event ids answered 2xx. Waits first
     * until the topic stops growing: a publish answered 503 after its timeout may still land.
     */
    TopicCheck check(Map<TopicPartition, Long> from, Collection<String> acceptedIds) {
        Map<TopicPartition, Long> to = settledEnd();
        from.forEach(consumer::seek);
        var seen = new HashSet<String>();
        long records = 0;
        long duplicates = 0;
        while (!reached(to)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= to.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                records++;
                if (!seen.add(eventId(record))) {
                    duplicates++;
                }
            }
        }
        Set<String> accepted = new HashSet<>(acceptedIds);
        long missing = accepted.stream().filter(id -> !seen.contains(id)).count();
        long unanswered = seen.stream().filter(id -> !accepted.contains(id)).count();
        return new TopicCheck(records, acceptedIds.size(), missing, duplicates, unanswered);
    }

    private Map<TopicPartition, Long> settledEnd() {
        Map<TopicPartition, Long> last = end();
        while (true) {
            sleep(SETTLE);
            Map<TopicPartition, Long> now = end();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
    }

    private boolean reached(Map<TopicPartition, Long> to) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= to.get(p));
    }

    private static String eventId(ConsumerRecord<byte[], byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? "(no id)" : new String(Objects.requireNonNull(id.value()), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
