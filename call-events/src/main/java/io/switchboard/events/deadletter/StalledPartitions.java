package io.switchboard.events.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Which partitions are held up by a record that keeps failing, what the failure is, and which stuck
 * records an operator has parked. The error handlers report failures and dead letters here; the
 * record interceptor reports success, which ends a stall. A partition moved to another instance
 * while stalled stops being reported here once no failure was seen for {@code forgetAfter}.
 * Published as {@code switchboard.consumer.stalled.partitions{topic}} and
 * {@code switchboard.consumer.stall.seconds{topic}}.
 */
public final class StalledPartitions implements RetryListener, RecordInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(StalledPartitions.class);

    private final Map<TopicPartition, Stall> stalls = new ConcurrentHashMap<>();
    private final Set<Parked> parked = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Duration forgetAfter;

    public StalledPartitions(Clock clock, Duration forgetAfter, MeterRegistry meters) {
        this.clock = clock;
        this.forgetAfter = forgetAfter;
        for (Topic topic : Topic.values()) {
            String name = topic.topicName();
            Gauge.builder(
                            "switchboard.consumer.stalled.partitions",
                            this,
                            s -> s.current(name).size())
                    .description(
                            "Partitions whose next record keeps failing for a transient reason (the consumer waits)")
                    .tag("topic", name)
                    .register(meters);
            Gauge.builder("switchboard.consumer.stall.seconds", this, s -> s.longestSeconds(name))
                    .description("How long the longest current stall of this topic has lasted")
                    .tag("topic", name)
                    .register(meters);
        }
    }

    /** Current stalls, longest first. */
    public List<Stall> current() {
        Instant now = clock.instant();
        stalls.values().removeIf(stall -> stall.lastFailure().plus(forgetAfter).isBefore(now));
        return stalls.values().stream()
                .sorted(Comparator.comparing(Stall::since))
                .toList();
    }

    /**
     * Parks the record a partition is stalled on: its next retry sends it to the dead-letter topic
     * (reason {@code parked}) and the partition moves on. Only the record that is stuck can be parked.
     */
    public Optional<Stall> park(String topic, int partition, long offset) {
        Stall stall = stalls.get(new TopicPartition(topic, partition));
        if (stall == null || stall.offset() != offset) {
            return Optional.empty();
        }
        parked.add(new Parked(topic, partition, offset));
        log.warn(
                "Operator parked {}-{}@{} (failing since {}: {}); it goes to the dead-letter topic at its next retry",
                topic,
                partition,
                offset,
                stall.since(),
                stall.reason());
        return Optional.of(stall);
    }

    boolean isParked(ConsumerRecord<?, ?> record) {
        return parked.contains(Parked.of(record));
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        Instant now = clock.instant();
        String reason = describe(Poison.reason(exception));
        TopicPartition key = new TopicPartition(record.topic(), record.partition());
        stalls.compute(
                key,
                (tp, stall) -> stall != null && stall.offset() == record.offset()
                        ? stall.failedAgain(now, deliveryAttempt, reason)
                        : new Stall(
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                now,
                                now,
                                deliveryAttempt,
                                reason));
        log.warn(
                "{}-{}@{} failed (attempt {}), retrying: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                deliveryAttempt,
                reason);
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
        ended(record);
        parked.remove(Parked.of(record));
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        ended(record);
    }

    private void ended(ConsumerRecord<?, ?> record) {
        stalls.computeIfPresent(
                new TopicPartition(record.topic(), record.partition()),
                (tp, stall) -> stall.offset() <= record.offset() ? null : stall);
    }

    private List<Stall> current(String topic) {
        return current().stream().filter(stall -> stall.topic().equals(topic)).toList();
    }

    private double longestSeconds(String topic) {
        Instant now = clock.instant();
        return current(topic).stream()
                .mapToDouble(stall -> stall.age(now).toMillis() / 1000.0)
                .max()
                .orElse(0);
    }

    private static String describe(Throwable reason) {
        String message = reason.getMessage();
        return reason.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Parked(String topic, int partition, long offset) {
        static Parked of(ConsumerRecord<?, ?> record) {
            return new Parked(record.topic(), record.partition(), record.offset());
        }
    }
}
