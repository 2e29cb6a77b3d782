package io.switchboard.events.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions of a topic from the beginning to their current end (committed records only), to
 * rebuild a service's local view of a compacted topic before it starts applying new events. A record
 * that cannot be decoded or verified is skipped ({@link SkippedRecords}); a record without a value (a
 * tombstone) is signed by nobody, so it is refused ({@link EventRefusals}, {@code unsigned-tombstone})
 * and deletes nothing the records before it said.
 */
public final class TopicReplayer {

    private static final Logger log = LoggerFactory.getLogger(TopicReplayer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final EventEnvelopes envelopes;
    private final SkippedRecords skipped;
    private final EventRefusals refusals;
    private final CloudEventDeserializer decoder = new CloudEventDeserializer();

    public TopicReplayer(
            Map<String, Object> baseConsumerProperties,
            EventEnvelopes envelopes,
            EventRefusals refusals,
            MeterRegistry meters) {
        this(readCommittedConsumers(baseConsumerProperties), envelopes, refusals, meters);
    }

    /** Reads through the consumers {@code consumers} makes, one per replay (a test passes Kafka's MockConsumer). */
    TopicReplayer(
            Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
            EventEnvelopes envelopes,
            EventRefusals refusals,
            MeterRegistry meters) {
        this.consumers = consumers;
        this.envelopes = envelopes;
        this.refusals = refusals;
        this.skipped = new SkippedRecords(meters);
        decoder.configure(Map.of(), false);
    }

    private static Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> readCommittedConsumers(
            Map<String, Object> baseConsumerProperties) {
        var properties = new HashMap<>(baseConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> consumerProperties = Map.copyOf(properties);
        return () -> new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public void replayAll(Topic topic, Consumer<ReceivedEvent<Object>> sink) {
        replayAllRecords(topic, (record, event) -> sink.accept(event));
    }

    /** As {@link #replayAll}, also handing over the record each event came from ({@link #replayRecords}). */
    public void replayAllRecords(Topic topic, BiConsumer<ConsumerRecord<String, byte[]>, ReceivedEvent<Object>> sink) {
        try (var consumer = consumers.get()) {
            List<Integer> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(info -> info.partition())
                    .toList();
            replay(consumer, topic, partitions, sink);
        }
    }

    public void replay(Topic topic, Collection<Integer> partitions, Consumer<ReceivedEvent<Object>> sink) {
        replayRecords(topic, partitions, (record, event) -> sink.accept(event));
    }

    /**
     * As {@link #replay}, also handing over the record each event came from: for a reader that must
     * check the event against its key, which the signature does not cover.
     */
    public void replayRecords(
            Topic topic,
            Collection<Integer> partitions,
            BiConsumer<ConsumerRecord<String, byte[]>, ReceivedEvent<Object>> sink) {
        try (var consumer = consumers.get()) {
            replay(consumer, topic, partitions, sink);
        }
    }

    private void replay(
            org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
            Topic topic,
            Collection<Integer> partitions,
            BiConsumer<ConsumerRecord<String, byte[]>, ReceivedEvent<Object>> sink) {
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(topic.topicName(), p))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        long applied = 0;
        while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.value() == null) {
                    refusals.refuseTombstone(record.topic(), record.partition(), record.offset(), record.key());
                    continue;
                }
                ReceivedEvent<Object> event = read(record);
                if (event != null) {
                    sink.accept(record, event);
                    applied++;
                }
            }
        }
        log.info("Replayed {} events from {} partitions {}", applied, topic.topicName(), partitions);
    }

    private ReceivedEvent<Object> read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = decoder.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            skip(record, SkippedRecords.UNDECODABLE, e);
            return null;
        }
        try {
            return envelopes.unwrap(event);
        } catch (RejectedEventException e) {
            skip(record, SkippedRecords.UNVERIFIABLE, e);
            return null;
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String reason, RuntimeException e) {
        skipped.skip(record.topic(), record.partition(), record.offset(), reason, e.getMessage());
    }
}
