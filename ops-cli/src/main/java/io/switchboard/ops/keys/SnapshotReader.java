package io.switchboard.ops.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads partitions of a compacted topic outside any consumer group, committed records only (the
 * consumer reads {@code read_committed}, so an end offset is where every record before it is decided):
 * each key's latest record from the beginning to the end offset seen when reading started, or a range
 * of offsets. Tombstones shadow nothing: readers pass over them, and so does this.
 */
final class SnapshotReader {

    private static final Duration POLL = Duration.ofMillis(200);
    /** How long the position may stand still before the broker is deemed unreachable. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * How long an end offset may stay below a record just written: an open transaction of the owning
     * service before it holds it back, and transactions time out long before this.
     */
    private static final Duration TRANSACTION_PATIENCE = Duration.ofMinutes(15);

    private final Consumer<byte[], byte[]> consumer;

    SnapshotReader(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** The topic's partitions; none when nothing has created the topic on this cluster. */
    List<TopicPartition> partitionsOf(Topic topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic.topicName());
        return partitions == null
                ? List.of()
                : partitions.stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                        .toList();
    }

    /** The offset below which every record is committed or aborted. */
    long endOffset(TopicPartition partition) {
        // Asked about a partition it is not assigned, the consumer logs a warning for every answer.
        if (!consumer.assignment().contains(partition)) {
            consumer.assign(List.of(partition));
        }
        return consumer.endOffsets(List.of(partition)).get(partition);
    }

    /** What {@code summary} makes of each key's latest record with a value, up to {@code end}. */
    <T> Map<String, T> latest(TopicPartition partition, long end, Function<SnapshotRecord, T> summary) {
        Map<String, T> latest = new HashMap<>();
        forEach(partition, 0, end, record -> latest.put(record.key(), summary.apply(record)));
        return latest;
    }

    /** The records with a value from {@code from} up to, not including, {@code to}, oldest first. */
    List<SnapshotRecord> read(TopicPartition partition, long from, long to) {
        var found = new ArrayList<SnapshotRecord>();
        forEach(partition, from, to, found::add);
        return found;
    }

    /**
     * Hands over the records with a value from {@code from} (or the partition's first, if compaction or
     * retention removed those before it) up to, not including, {@code to}.
     */
    void forEach(TopicPartition partition, long from, long to, java.util.function.Consumer<SnapshotRecord> sink) {
        consumer.assign(List.of(partition));
        long first = consumer.beginningOffsets(List.of(partition)).get(partition);
        consumer.seek(partition, Math.max(from, first));
        long position = consumer.position(partition);
        Instant progressed = Instant.now();
        while (position < to) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < to && record.value() != null) {
                    sink.accept(new SnapshotRecord(record));
                }
            }
            long now = consumer.position(partition);
            if (now > position) {
                position = now;
                progressed = Instant.now();
            } else if (Instant.now().isAfter(progressed.plus(PATIENCE))) {
                throw new TimeoutException(
                        "no progress reading " + partition + " at offset " + position + " for " + PATIENCE);
            }
        }
    }

    /** Waits until every record up to and including {@code offset} is decided, so that a read of them is final. */
    void awaitDecidedThrough(TopicPartition partition, long offset) throws InterruptedException {
        Instant deadline = Instant.now().plus(TRANSACTION_PATIENCE);
        while (endOffset(partition) <= offset) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("records of " + partition + " before offset " + offset
                        + " are still in an open transaction after " + TRANSACTION_PATIENCE);
            }
            Thread.sleep(POLL);
        }
    }
}
