package io.switchboard.events.kafka;

import java.time.Duration;
import java.util.Map;

import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one dead-letter path: a record that keeps failing after bounded retries, or that can never
 * be applied ({@link RejectedEventException}, undecodable bytes), goes to {@code <topic>-dlt} with
 * the reason in the {@code kafka_dlt-exception-*} headers, and the consumer moves on.
 */
public final class DeadLetters {

    private final DeadLetterPublishingRecoverer recoverer;
    private final FixedBackOff backOff;

    public DeadLetters(Map<String, Object> producerProperties, int retryAttempts, Duration retryBackoff) {
        var factory = new DefaultKafkaProducerFactory<Object, Object>(producerProperties);
        factory.setKeySerializer(new DeadLetterSerializer());
        factory.setValueSerializer(new DeadLetterSerializer());
        var template = new KafkaTemplate<>(factory);
        this.recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        this.backOff = new FixedBackOff(retryBackoff.toMillis(), retryAttempts);
    }

    public DefaultErrorHandler errorHandler() {
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(RejectedEventException.class);
        return handler;
    }

    public DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaOperations<Object, Object> template) {
        var processor = new DefaultAfterRollbackProcessor<>(recoverer, backOff, template, true);
        processor.addNotRetryableExceptions(RejectedEventException.class);
        return processor;
    }

}
