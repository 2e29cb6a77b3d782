package io.switchboard.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the catalogue from its current end in a background thread (committed records
 * only), verifies every record with the run's trusted key and keeps it by key, passing over what is
 * no CloudEvent or does not verify; an optional hook sees each one kept as it arrives. Open it once
 * the topic exists, and close it after the test.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final EventEnvelopes envelopes = TestEnvelopes.trusted("/test/probe");
    private final Map<String, List<ReceivedEvent<Object>>> eventsByKey = new ConcurrentHashMap<>();
    private final BiConsumer<ConsumerRecord<String, CloudEvent>, ReceivedEvent<Object>> hook;
    private final Thread poller;
    private volatile boolean running = true;

    private TopicProbe(
            String bootstrapServers,
            Topic topic,
            BiConsumer<ConsumerRecord<String, CloudEvent>, ReceivedEvent<Object>> hook) {
        this.hook = hook;
        this.consumer = new KafkaConsumer<>(
                TestKafkaClients.consumerConfig(bootstrapServers, IsolationLevel.READ_COMMITTED),
                new StringDeserializer(),
                TestKafkaClients.cloudEventDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
                .mapToObj(p -> new TopicPartition(topic.topicName(), p))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so that everything sent after this constructor returns is seen.
        partitions.forEach(consumer::position);
        this.poller =
                Thread.ofPlatform().name("probe-" + topic.topicName()).daemon().start(this::poll);
    }

    public static TopicProbe fromEnd(String bootstrapServers, Topic topic) {
        return new TopicProbe(bootstrapServers, topic, (record, event) -> {});
    }

    public static TopicProbe fromEnd(
            String bootstrapServers,
            Topic topic,
            BiConsumer<ConsumerRecord<String, CloudEvent>, ReceivedEvent<Object>> hook) {
        return new TopicProbe(bootstrapServers, topic, hook);
    }

    /** The verified events seen so far with this record key. */
    public List<ReceivedEvent<Object>> eventsFor(String key) {
        return List.copyOf(eventsByKey.getOrDefault(key, List.of()));
    }

    /** Waits for the key's first event, then makes sure no second one follows. */
    public ReceivedEvent<Object> exactlyOneEventFor(String key) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsFor(key).isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> eventsFor(key).size() == 1);
        return eventsFor(key).getFirst();
    }

    /** Makes sure that for a second nothing arrives with this key. */
    public void assertNothingPublishedFor(String key) {
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> eventsFor(key).isEmpty());
    }

    private void poll() {
        try {
            while (running) {
                ConsumerRecords<String, CloudEvent> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (RecordDeserializationException e) {
                    // Not a CloudEvent (a test's deliberate poison): pass over it, as over what does not verify.
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                for (ConsumerRecord<String, CloudEvent> record : records) {
                    ReceivedEvent<Object> event;
                    try {
                        event = envelopes.unwrap(record.value());
                    } catch (RejectedEventException e) {
                        // Not verifiable with the test keys: leave it out, so assertions on it fail.
                        continue;
                    }
                    eventsByKey
                            .computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
                            .add(event);
                    hook.accept(record, event);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10));
    }
}
