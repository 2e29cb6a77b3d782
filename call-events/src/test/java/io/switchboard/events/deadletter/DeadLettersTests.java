package io.switchboard.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.fixtures.MutableClock;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.signing.InvalidSignatureException;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.EOSMode;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The failure policy as the listener container drives it: Spring Kafka's own error handler and
 * after-rollback processor built by {@link DeadLetters}, dead letters written through a
 * {@link KafkaTemplate} to a {@link MockProducer} with the serializer the auto-configuration uses.
 */
class DeadLettersTests {

    private static final String TOPIC = Topic.LEDGER.topicName();
    private static final String DLT = Topic.LEDGER.deadLetterTopicName();
    private static final byte[] VALUE = "{\"accountId\":\"acme\"}".getBytes(StandardCharsets.UTF_8);
    private static final RetryPolicy TINY_BACKOFF = new RetryPolicy(Duration.ofMillis(1), 2.0, Duration.ofMillis(2));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StalledPartitions stalls = new StalledPartitions(clock, Duration.ofMinutes(2), meters);
    private final MockProducer<Object, Object> producer =
            new MockProducer<>(true, null, new DeadLetterSerializer(), new DeadLetterSerializer()) {
                @Override
                public void close(Duration timeout) {
                    // KafkaTemplate closes a factory's producer after each send; this one serves the whole test
                }
            };
    private final DeadLetters deadLetters = new DeadLetters(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), TINY_BACKOFF, stalls, meters);
    private final DefaultErrorHandler handler = deadLetters.errorHandler();

    @SuppressWarnings("unchecked")
    private final Consumer<Object, Object> consumer = mock(Consumer.class);

    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    @BeforeEach
    void containerAsTheListenerContainerPresentsIt() {
        when(consumer.groupMetadata()).thenReturn(new ConsumerGroupMetadata("billing-ledger"));
        when(container.isRunning()).thenReturn(true);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(TOPIC));
        when(container.getGroupId()).thenReturn("billing-ledger");
    }

    static List<Exception> poison() {
        return List.of(
                new RejectedEventException("event evt-1 data does not match switchboard.billing.call-charged.v1"),
                new InvalidSignatureException("event evt-1 is signed by untrusted key rogue-1"),
                new DeserializationException(
                        "failed to deserialize", VALUE, false, new IllegalArgumentException("bad")));
    }

    /** Each failure, and the stall reason it shows: its innermost cause. */
    static Stream<Arguments> transientFailures() {
        return Stream.of(
                arguments(new IllegalStateException("database away"), "IllegalStateException: database away"),
                arguments(new TimeoutException("no acks in time"), "TimeoutException: no acks in time"),
                arguments(
                        new PublishFailedException(
                                "the broker did not take evt-1",
                                new TimeoutException("Expiring 1 record(s) for switchboard.wallets.v1-0")),
                        "TimeoutException: Expiring 1 record(s) for switchboard.wallets.v1-0"),
                arguments(
                        new org.apache.kafka.common.KafkaException("broker refused the write"),
                        "KafkaException: broker refused the write"),
                arguments(new KafkaException("spring-wrapped failure"), "KafkaException: spring-wrapped failure"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void whenAPoisonRecordFailsOnceThenItIsDeadLetteredAtOnceWithItsReason(Exception poison) {
        // given
        ConsumerRecord<Object, Object> record = record(2, 17);

        // when the listener fails on it for the first time
        handler.handleRemaining(listenerFailed(poison), List.of(record), consumer, container);

        // then
        assertThat(producer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo(DLT);
            assertThat(deadLetter.partition()).isNull();
            assertThat(deadLetter.key()).isEqualTo("acme");
            assertThat(deadLetter.value()).isEqualTo(VALUE);
            assertThat(header(deadLetter, DeadLetters.REASON_HEADER)).isEqualTo("poison");
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(poison.getClass().getName());
            assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
                    .isEqualTo("billing-ledger");
            assertThat(header(deadLetter, "ce_id")).isEqualTo("evt-17");
        });
        verify(consumer, never()).seek(any(TopicPartition.class), anyLong());
        assertThat(deadLetterCount("poison", poison.getClass().getSimpleName())).isEqualTo(1.0);
        assertThat(stalls.current()).isEmpty();
    }

    @Test
    void whenTheValueCouldNotBeDeserializedThenTheDeadLetterCarriesTheBytesAsTheyArrived() {
        // given a record as the ErrorHandlingDeserializer leaves it: no value, the failure in a header
        var headers = new RecordHeaders();
        var failure = new DeserializationException(
                "failed to deserialize", VALUE, false, new IllegalArgumentException("no ce_specversion"));
        SerializationUtils.deserializationException(headers, VALUE, failure, false);
        ConsumerRecord<Object, Object> record = record(2, 18, null, headers);

        // when
        handler.handleRemaining(listenerFailed(failure), List.of(record), consumer, container);

        // then
        assertThat(producer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo(DLT);
            assertThat(deadLetter.value()).isEqualTo(VALUE);
            assertThat(header(deadLetter, DeadLetters.REASON_HEADER)).isEqualTo("poison");
        });
        assertThat(deadLetterCount("poison", "DeserializationException")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFailures")
    void whenATransientFailureRepeatsThenTheRecordIsNeverDeadLetteredAndThePartitionStalls(
            Exception failure, String reason) {
        // given
        ConsumerRecord<Object, Object> record = record(2, 17);

        // when the listener fails on it 20 times
        for (int attempt = 1; attempt <= 20; attempt++) {
            failOnce(record, failure);
        }

        // then the handler sought back to the record each time, and wrote no dead letter
        verify(consumer, times(20)).seek(new TopicPartition(TOPIC, 2), 17);
        assertThat(producer.history()).isEmpty();
        assertThat(meters.find("switchboard.dlt.records").counters()).isEmpty();
        assertThat(stalls.current()).singleElement().satisfies(stall -> {
            assertThat(stall.topic()).isEqualTo(TOPIC);
            assertThat(stall.partition()).isEqualTo(2);
            assertThat(stall.offset()).isEqualTo(17);
            assertThat(stall.attempts()).isEqualTo(20);
            assertThat(stall.reason()).isEqualTo(reason);
        });
        assertThat(meters.get("switchboard.consumer.stalled.partitions")
                        .tag("topic", TOPIC)
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void whenAPoisonCauseIsWrappedInATransientOneThenItIsStillPoison() {
        // given a listener that wrapped the rejection on its way out
        var wrapped = new IllegalStateException("could not apply", new RejectedEventException("unknown account"));

        // when
        handler.handleRemaining(listenerFailed(wrapped), List.of(record(2, 17)), consumer, container);

        // then
        assertThat(producer.history())
                .singleElement()
                .satisfies(deadLetter -> assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
                        .isEqualTo("poison"));
        assertThat(deadLetterCount("poison", "RejectedEventException")).isEqualTo(1.0);
    }

    @Test
    void whenAStalledRecordIsParkedThenItsNextFailureDeadLettersItAsParkedAndTheStallEnds() {
        // given a record stuck on a transient failure
        ConsumerRecord<Object, Object> record = record(2, 17);
        var failure = new TimeoutException("no acks in time");
        for (int attempt = 1; attempt <= 3; attempt++) {
            failOnce(record, failure);
        }

        // when an operator parks it, and it fails again
        assertThat(stalls.park(TOPIC, 2, 17))
                .hasValueSatisfying(stall -> assertThat(stall.attempts()).isEqualTo(3));
        handler.handleRemaining(listenerFailed(failure), List.of(record), consumer, container);

        // then
        assertThat(producer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo(DLT);
            assertThat(header(deadLetter, DeadLetters.REASON_HEADER)).isEqualTo("parked");
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(TimeoutException.class.getName());
        });
        verify(consumer, times(3)).seek(new TopicPartition(TOPIC, 2), 17);
        assertThat(deadLetterCount("parked", "TimeoutException")).isEqualTo(1.0);
        assertThat(stalls.current()).isEmpty();
        assertThat(stalls.isParked(record)).isFalse();
    }

    @Test
    void whenAnotherOffsetIsParkedThenNothingChanges() {
        // given
        ConsumerRecord<Object, Object> record = record(2, 17);
        var failure = new IllegalStateException("database away");
        failOnce(record, failure);

        // when
        var parkedWrongOffset = stalls.park(TOPIC, 2, 18);
        var parkedWrongPartition = stalls.park(TOPIC, 3, 17);
        var parkedNothingStalled = stalls.park(Topic.WALLETS.topicName(), 0, 0);

        // then
        assertThat(parkedWrongOffset).isEmpty();
        assertThat(parkedWrongPartition).isEmpty();
        assertThat(parkedNothingStalled).isEmpty();
        failOnce(record, failure);
        assertThat(producer.history()).isEmpty();
        assertThat(stalls.current())
                .singleElement()
                .satisfies(stall -> assertThat(stall.attempts()).isEqualTo(2));
    }

    @Test
    void whenTheStalledRecordSucceedsThenTheStallEnds() {
        // given
        ConsumerRecord<Object, Object> record = record(2, 17);
        failOnce(record, new IllegalStateException("database away"));
        failOnce(record, new IllegalStateException("database away"));

        // when the record interceptor hears of its success
        stalls.success(record, consumer);

        // then
        assertThat(stalls.current()).isEmpty();
        assertThat(meters.get("switchboard.consumer.stalled.partitions")
                        .tag("topic", TOPIC)
                        .gauge()
                        .value())
                .isZero();
        assertThat(meters.get("switchboard.consumer.stall.seconds")
                        .tag("topic", TOPIC)
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void whenAStallLastsThenItsAgeIsPublishedInSeconds() {
        // given
        ConsumerRecord<Object, Object> record = record(2, 17);
        failOnce(record, new IllegalStateException("database away"));

        // when
        clock.advance(Duration.ofSeconds(45));

        // then
        assertThat(meters.get("switchboard.consumer.stall.seconds")
                        .tag("topic", TOPIC)
                        .gauge()
                        .value())
                .isEqualTo(45.0);
    }

    @Test
    void whenTheDeadLetterCannotBeWrittenThenThePoisonRecordIsRetriedNotSkipped() {
        // given a dead-letter topic that refuses writes
        producer.sendException = new org.apache.kafka.common.KafkaException("dead-letter topic unavailable");
        ConsumerRecord<Object, Object> record = record(2, 17);
        var poison = new RejectedEventException("unknown account");

        // when
        assertThatThrownBy(() -> handler.handleRemaining(listenerFailed(poison), List.of(record), consumer, container))
                .satisfies(DeadLettersTests::isRecordInRetry);

        // then
        verify(consumer).seek(new TopicPartition(TOPIC, 2), 17);
        assertThat(meters.find("switchboard.dlt.records").counters()).isEmpty();

        // and when the topic takes writes again
        producer.sendException = null;
        handler.handleRemaining(listenerFailed(poison), List.of(record), consumer, container);

        // then
        assertThat(producer.history())
                .singleElement()
                .satisfies(deadLetter -> assertThat(deadLetter.topic()).isEqualTo(DLT));
        assertThat(deadLetterCount("poison", "RejectedEventException")).isEqualTo(1.0);
    }

    @Test
    void whenATransactionalListenerRollsBackOnPoisonThenTheDeadLetterIsWrittenAndItsOffsetCommittedInATransaction() {
        // given the listener's own transactional template, as the auto-configuration passes it
        var transactional =
                new MockProducer<Object, Object>(true, null, new DeadLetterSerializer(), new DeadLetterSerializer()) {
                    @Override
                    public void close(Duration timeout) {}
                };
        transactional.initTransactions();
        var listenerTemplate =
                new KafkaTemplate<>(new MockProducerFactory<Object, Object>((tx, id) -> transactional, "billing-tx-"));
        DefaultAfterRollbackProcessor<Object, Object> processor = deadLetters.afterRollbackProcessor(listenerTemplate);
        ConsumerRecord<Object, Object> record = record(2, 17);

        // when the container runs the processor in a transaction of its own, as it does when it asks to
        assertThat(processor.isProcessInTransaction()).isTrue();
        listenerTemplate.executeInTransaction(operations -> {
            processor.process(
                    List.of(record),
                    consumer,
                    container,
                    listenerFailed(new InvalidSignatureException("event evt-17 is not signed")),
                    true,
                    EOSMode.V2);
            return null;
        });

        // then
        assertThat(producer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo(DLT);
            assertThat(header(deadLetter, DeadLetters.REASON_HEADER)).isEqualTo("poison");
        });
        assertThat(transactional.consumerGroupOffsetsHistory())
                .singleElement()
                .isEqualTo(Map.of("billing-ledger", Map.of(new TopicPartition(TOPIC, 2), new OffsetAndMetadata(18))));
        assertThat(deadLetterCount("poison", "InvalidSignatureException")).isEqualTo(1.0);
    }

    @Test
    void whenATransactionalListenerRollsBackOnATransientFailureThenTheRecordIsSoughtBackAndTheStallRecorded() {
        // given
        DefaultAfterRollbackProcessor<Object, Object> processor =
                deadLetters.afterRollbackProcessor(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)));
        ConsumerRecord<Object, Object> record = record(2, 17);

        // when the transaction rolls back 20 times
        for (int attempt = 1; attempt <= 20; attempt++) {
            processor.process(
                    List.of(record),
                    consumer,
                    container,
                    listenerFailed(new PublishFailedException("the transaction did not commit", null)),
                    true,
                    EOSMode.V2);
        }

        // then
        verify(consumer, times(20)).seek(new TopicPartition(TOPIC, 2), 17);
        assertThat(producer.history()).isEmpty();
        assertThat(stalls.current())
                .singleElement()
                .satisfies(stall -> assertThat(stall.attempts()).isEqualTo(20));

        // and when parked, the next rollback dead-letters it
        stalls.park(TOPIC, 2, 17);
        processor.process(
                List.of(record),
                consumer,
                container,
                listenerFailed(new PublishFailedException("the transaction did not commit", null)),
                true,
                EOSMode.V2);
        assertThat(producer.history())
                .singleElement()
                .satisfies(deadLetter -> assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
                        .isEqualTo("parked"));
        assertThat(stalls.current()).isEmpty();
    }

    private void failOnce(ConsumerRecord<Object, Object> record, Exception failure) {
        assertThatThrownBy(() -> handler.handleRemaining(listenerFailed(failure), List.of(record), consumer, container))
                .satisfies(DeadLettersTests::isRecordInRetry);
    }

    /** Spring Kafka's package-private signal to the container: the record was sought back, to be retried. */
    private static void isRecordInRetry(Throwable thrown) {
        assertThat(thrown.getClass().getSimpleName()).isEqualTo("RecordInRetryException");
    }

    /** What the container hands the error handler when a listener throws. */
    private static ListenerExecutionFailedException listenerFailed(Exception failure) {
        return new ListenerExecutionFailedException("Listener method threw", "billing-ledger", failure);
    }

    private static ConsumerRecord<Object, Object> record(int partition, long offset) {
        var headers = new RecordHeaders();
        headers.add("ce_id", ("evt-" + offset).getBytes(StandardCharsets.UTF_8));
        return record(partition, offset, VALUE, headers);
    }

    private static ConsumerRecord<Object, Object> record(int partition, long offset, byte[] value, Headers headers) {
        if (headers.lastHeader("ce_id") == null) {
            headers.add("ce_id", ("evt-" + offset).getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                TOPIC,
                partition,
                offset,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                4,
                value == null ? -1 : value.length,
                "acme",
                value,
                headers,
                Optional.empty());
    }

    private double deadLetterCount(String reason, String exception) {
        Counter counter = meters.find("switchboard.dlt.records")
                .tag("topic", TOPIC)
                .tag("reason", reason)
                .tag("exception", exception)
                .counter();
        assertThat(counter)
                .as("switchboard.dlt.records{topic=%s,reason=%s,exception=%s}", TOPIC, reason, exception)
                .isNotNull();
        return counter.count();
    }

    private static String header(ProducerRecord<Object, Object> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
