package io.switchboard.ops.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.RefusedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a dead-letter topic from its first record to the last one present when reading started,
 * outside any consumer group: reading changes nothing. Dead-letter topics have one partition
 * ({@link Topic#newDeadLetterTopic}), so a dead letter is named by its offset alone.
 */
final class DeadLetterReader {

    private static final Duration POLL = Duration.ofMillis(200);
    /** How long the position may stand still before the broker is deemed unreachable. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Consumer<byte[], byte[]> consumer;

    DeadLetterReader(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** The dead-letter topic's partition; empty when nothing has created the topic on this cluster. */
    Optional<TopicPartition> partitionOf(Topic topic) {
        String name = topic.deadLetterTopicName();
        List<PartitionInfo> partitions = consumer.partitionsFor(name);
        if (partitions == null || partitions.isEmpty()) {
            return Optional.empty();
        }
        if (partitions.size() != 1) {
            throw new RefusedException(
                    name + " has " + partitions.size()
                            + " partitions; the catalogue creates dead-letter topics with one, and offsets here name a dead letter only there");
        }
        return Optional.of(new TopicPartition(name, 0));
    }

    /** The offset the next dead letter will get. */
    long endOffset(TopicPartition partition) {
        return consumer.endOffsets(List.of(partition)).get(partition);
    }

    /**
     * The dead letters {@code wanted}, oldest first, at most {@code limit}; those below
     * {@code handledBelow} are marked handled.
     */
    List<DeadLetter> read(TopicPartition partition, long handledBelow, Predicate<DeadLetter> wanted, int limit) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = endOffset(partition);
        var found = new ArrayList<DeadLetter>();
        long position = consumer.position(partition);
        Instant progressed = Instant.now();
        while (position < end && found.size() < limit) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                var deadLetter = new DeadLetter(record, record.offset() < handledBelow);
                if (record.offset() < end && found.size() < limit && wanted.test(deadLetter)) {
                    found.add(deadLetter);
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
        return found;
    }
}
