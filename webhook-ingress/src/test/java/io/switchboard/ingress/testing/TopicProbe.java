package io.switchboard.ingress.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the catalogue from its current end in a background thread, verifies every
 * record with the test keys and keeps it by key; an optional hook sees each one as it arrives.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final EventEnvelopes envelopes = TestEnvelopes.create("/test/probe");
    private final Map<String, List<ReceivedEvent<Object>>> eventsByKey = new ConcurrentHashMap<>();
    private final BiConsumer<ConsumerRecord<String, CloudEvent>, ReceivedEvent<Object>> hook;
    private final Thread poller;
    private volatile boolean running = true;

    private TopicProbe(String bootstrapServers, Topic topic,
            BiConsumer<ConsumerRecord<String, CloudEvent>, ReceivedEvent<Object>> hook) {
        this.hook = hook;
        var deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), deserializer);
        List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
                .mapToObj(p -> new TopicPartition(topic.topicName(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so that everything sent after this constructor returns is seen.
        partitions.forEach(consumer::position);
        this.poller = Thread.ofPlatform().name("probe-" + topic.topicName()).daemon().start(this::poll);
    }

    public static TopicProbe fromEnd(String bootstrapServers, Topic topic) {
        return new TopicProbe(bootstrapServers, topic, (record, event) -> { });
    }

    public static TopicProbe fromEnd(String bootstrapServers, Topic topic,
            BiConsumer<ConsumerRecord<String, CloudEvent>, ReceivedEvent<Object>> hook) {
        return new TopicProbe(bootstrapServers, topic, hook);
    }

    /** The verified events seen so far with this record key. */
    public List<ReceivedEvent<Object>> eventsFor(String key) {
        return List.copyOf(eventsByKey.getOrDefault(key, List.of()));
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    ReceivedEvent<Object> event;
                    try {
                        event = envelopes.unwrap(record.value());
                    } catch (RejectedEventException e) {
                        // Not verifiable with the test keys: leave it out, so assertions on it fail.
                        continue;
                    }
                    eventsByKey.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(event);
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
