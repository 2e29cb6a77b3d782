package io.switchboard.ops.deadletter;

import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.deadletter.DeadLetterSerializer;
import io.switchboard.events.deadletter.DeadLetters;
import io.switchboard.events.deadletter.RetryPolicy;
import io.switchboard.events.deadletter.StalledPartitions;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestKafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Dead letters as a service writes them: a signed event is published to its topic, read back with the
 * services' deserializers, and handed to the error handler {@link DeadLetters} builds as though a
 * listener had thrown on it; the real recoverer writes the dead letter.
 */
final class RecoveredDeadLetters implements AutoCloseable {

    static final String GROUP = "billing-ledger";

    private final SignedEvents publisher;
    private final KafkaConsumer<String, CloudEvent> reader;
    private final DefaultKafkaProducerFactory<Object, Object> deadLetterProducers;
    private final DefaultErrorHandler errorHandler;

    RecoveredDeadLetters(String bootstrapServers) {
        publisher = new SignedEvents(bootstrapServers, "/switchboard/billing-service");
        reader = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(TestKafkaClients.cloudEventDeserializer()));
        // As the auto-configuration builds it: an idempotent producer writing the bytes as they arrived.
        deadLetterProducers = new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new DeadLetterSerializer(),
                new DeadLetterSerializer());
        var meters = new SimpleMeterRegistry();
        errorHandler = new DeadLetters(
                        new KafkaTemplate<>(deadLetterProducers),
                        new RetryPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(100)),
                        new StalledPartitions(Clock.systemUTC(), Duration.ofMinutes(1), meters),
                        meters)
                .errorHandler();
    }

    /**
     * Publishes a top-up of {@code accountId} to {@code topic}'s {@code partition}, and dead-letters it
     * as a listener of {@value #GROUP} failing with {@code failure} would.
     *
     * @return the record as the listener received it
     */
    ConsumerRecord<String, CloudEvent> deadLettered(
            Topic topic, int partition, String accountId, RuntimeException failure) throws Exception {
        ConsumerRecord<String, CloudEvent> record = published(topic, partition, accountId);
        List<ConsumerRecord<?, ?>> records = List.of(record);
        errorHandler.handleRemaining(
                new ListenerExecutionFailedException("Listener method threw", GROUP, failure),
                records,
                listenerConsumer(),
                container(topic));
        return record;
    }

    private ConsumerRecord<String, CloudEvent> published(Topic topic, int partition, String accountId)
            throws Exception {
        String id = UUID.randomUUID().toString();
        CloudEvent event = publisher.sign(
                EventTypes.WALLET_TOPPED_UP,
                id,
                accountId,
                Instant.now(),
                new WalletToppedUp(
                        accountId,
                        "top-up-" + id,
                        new BigDecimal("10.00"),
                        "USD",
                        new BigDecimal("60.00"),
                        Instant.now()));
        long offset = publisher.send(topic, partition, accountId, event).offset();
        var tp = new TopicPartition(topic.topicName(), partition);
        reader.assign(List.of(tp));
        reader.seek(tp, offset);
        var received = new AtomicReference<ConsumerRecord<String, CloudEvent>>();
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            reader.poll(Duration.ofMillis(100)).forEach(record -> {
                if (record.offset() == offset) {
                    received.set(record);
                }
            });
            return received.get() != null;
        });
        return received.get();
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Object, Object> listenerConsumer() {
        Consumer<Object, Object> consumer = mock(Consumer.class);
        when(consumer.groupMetadata()).thenReturn(new ConsumerGroupMetadata(GROUP));
        return consumer;
    }

    private static MessageListenerContainer container(Topic topic) {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(topic.topicName()));
        when(container.getGroupId()).thenReturn(GROUP);
        return container;
    }

    @Override
    public void close() {
        publisher.close();
        reader.close();
        deadLetterProducers.destroy();
    }
}
