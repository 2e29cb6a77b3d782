package io.switchboard.events.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;

/**
 * The one failure policy of every listener. A poison record ({@link Poison}) goes to
 * {@code <topic>-dlt} at once, with {@code switchboard_dlt-reason} ({@code poison} or {@code parked})
 * and Spring Kafka's {@code kafka_dlt-*} headers (exception, message, original topic, partition,
 * offset, consumer group). Any other failure is retried with {@link TransientRetry} for as long as
 * it lasts: the partition waits, no offset is committed past the record, and
 * {@link StalledPartitions} says so, until the record succeeds or an operator parks it. A dead
 * letter that cannot be written is a transient failure too: the record is retried, never skipped.
 * Dead letters are counted as {@code switchboard.dlt.records{topic,reason,exception}}.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "switchboard_dlt-reason";
    public static final String POISON = "poison";
    public static final String PARKED = "parked";

    private final ConsumerAwareRecordRecoverer recoverer;
    private final RetryPolicy retry;
    private final StalledPartitions stalls;

    public DeadLetters(
            KafkaOperations<Object, Object> deadLetterTemplate,
            RetryPolicy retry,
            StalledPartitions stalls,
            MeterRegistry meters) {
        this.retry = retry;
        this.stalls = stalls;
        var publishing = new DeadLetterPublishingRecoverer(
                deadLetterTemplate,
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        publishing.addHeadersFunction((record, exception) -> {
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(record).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        this.recoverer = (record, consumer, exception) -> {
            publishing.accept(record, consumer, exception);
            String reason = reason(record);
            String failure = Poison.reason(exception).getClass().getSimpleName();
            counters.computeIfAbsent(
                            record.topic() + "|" + reason + "|" + failure,
                            key -> Counter.builder("switchboard.dlt.records")
                                    .description(
                                            "Records sent to a dead-letter topic, by source topic, reason and failure")
                                    .tag("topic", record.topic())
                                    .tag("reason", reason)
                                    .tag("exception", failure)
                                    .register(meters))
                    .increment();
        };
    }

    public DefaultErrorHandler errorHandler() {
        return configure(new DefaultErrorHandler(recoverer));
    }

    /** For transactional listeners: the dead letter's offset is committed in a transaction of its own. */
    public DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(
            KafkaOperations<Object, Object> template) {
        return configure(new DefaultAfterRollbackProcessor<>(recoverer, retry.backOff(() -> false), template, true));
    }

    private <T extends FailedRecordProcessor> T configure(T processor) {
        Map<Class<? extends Throwable>, Boolean> classifications = new HashMap<>();
        Poison.EXCEPTIONS.forEach(poison -> classifications.put(poison, false));
        processor.setClassifications(classifications, true);
        processor.setBackOffFunction((record, exception) -> retry.backOff(() -> stalls.isParked(record)));
        processor.setRetryListeners(stalls);
        return processor;
    }

    private String reason(ConsumerRecord<?, ?> record) {
        return stalls.isParked(record) ? PARKED : POISON;
    }
}
