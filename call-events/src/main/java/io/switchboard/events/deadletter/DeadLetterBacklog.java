package io.switchboard.events.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many dead letters wait for an operator, and how many of them are old enough to be lost to the
 * topic's retention soon. An operator marks dead letters handled by committing the
 * {@value #OPERATORS_GROUP} group's offset past them (the dead-letter tool's {@code ack}); what lies
 * beyond that offset is unhandled. Published per dead-letter topic this service writes to as
 * {@code switchboard.dlt.unhandled.records{topic}} and {@code switchboard.dlt.aged.records{topic}}
 * (unhandled and older than {@code agedAfter}), which the alert rules page on.
 */
public final class DeadLetterBacklog implements AutoCloseable {

    public static final String OPERATORS_GROUP = "switchboard-dlt-operators";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterBacklog.class);

    private final Admin admin;
    private final Supplier<Collection<String>> deadLetterTopics;
    private final Duration agedAfter;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> unhandled = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> aged = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dead-letter-backlog").daemon().factory());

    public DeadLetterBacklog(
            Admin admin,
            Supplier<Collection<String>> deadLetterTopics,
            Duration agedAfter,
            Clock clock,
            MeterRegistry meters) {
        this.admin = admin;
        this.deadLetterTopics = deadLetterTopics;
        this.agedAfter = agedAfter;
        this.clock = clock;
        this.meters = meters;
    }

    public void start(Duration every) {
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the offsets once; also what the scheduler runs. */
    public void refresh() throws Exception {
        for (String topic : deadLetterTopics.get()) {
            List<TopicPartition> partitions =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> young = offsets(
                    partitions,
                    OffsetSpec.forTimestamp(clock.instant().minus(agedAfter).toEpochMilli()));
            Map<TopicPartition, OffsetAndMetadata> handled = admin.listConsumerGroupOffsets(OPERATORS_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long waiting = 0;
            long old = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata acked = handled.get(tp);
                long from = Math.max(earliest.get(tp), acked == null ? 0 : acked.offset());
                // No record at or after the cut-off time: every record there is older than it.
                long youngFrom = young.get(tp) < 0 ? end.get(tp) : young.get(tp);
                waiting += Math.max(0, end.get(tp) - from);
                old += Math.max(0, youngFrom - from);
            }
            gauge(unhandled, "switchboard.dlt.unhandled.records", "Dead letters not yet marked handled", topic)
                    .set(waiting);
            gauge(
                            aged,
                            "switchboard.dlt.aged.records",
                            "Unhandled dead letters old enough to be lost to retention soon",
                            topic)
                    .set(old);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(tp -> request.put(tp, spec));
        var result = new HashMap<TopicPartition, Long>();
        for (var entry : admin.listOffsets(request).all().get().entrySet()) {
            ListOffsetsResultInfo info = entry.getValue();
            result.put(entry.getKey(), info.offset());
        }
        return result;
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String topic) {
        return values.computeIfAbsent(topic, t -> {
            var value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag("topic", t)
                    .register(meters);
            return value;
        });
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Exception e) {
            log.warn("Could not read the dead-letter backlog: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close();
    }
}
