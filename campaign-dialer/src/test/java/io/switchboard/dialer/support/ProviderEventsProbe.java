package io.switchboard.dialer.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.ArrayList;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.TestEventKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads provider-events.v1 (committed records only) as a downstream consumer would, verifying each
 * event with the test keys. Poll it from the test thread only (Awaitility's {@code pollInSameThread}).
 */
public final class ProviderEventsProbe implements AutoCloseable {

    /** One record as read: its Kafka key and the verified event. */
    public record Received<T>(String key, ReceivedEvent<T> event) {
    }

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final EventEnvelopes envelopes;
    private final List<Received<Object>> read = new ArrayList<>();

    public ProviderEventsProbe(String bootstrapServers) {
        var deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "provider-events-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), deserializer);
        this.consumer.subscribe(Set.of(Topic.PROVIDER_EVENTS.topicName()));
        var keys = TestEventKeys.keyPair();
        this.envelopes = new EventEnvelopes(URI.create("/test"), new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }

    /** Polls once more, then returns every event of {@code type} read so far that {@code filter} accepts. */
    public <T> List<Received<T>> seen(EventType<T> type, Predicate<Received<T>> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(record ->
                read.add(new Received<>(record.key(), envelopes.unwrap(record.value()))));
        return read.stream()
                .filter(received -> received.event().is(type))
                .map(received -> new Received<>(received.key(), received.event().as(type)))
                .filter(filter)
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
