package io.switchboard.ops.deadletter;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.switchboard.events.deadletter.DeadLetterBacklog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The {@value DeadLetterBacklog#OPERATORS_GROUP} consumer group: no one consumes in it; its
 * committed offset on a dead-letter topic is where the dead letters not yet handled begin, which
 * is what the backlog metrics count from.
 */
final class OperatorsGroup {

    private final Admin admin;

    OperatorsGroup(Admin admin) {
        this.admin = admin;
    }

    /** The offset of the first dead letter not handled yet: 0 until an operator marks any handled. */
    long handledBelow(TopicPartition partition) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        DeadLetterBacklog.OPERATORS_GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        OffsetAndMetadata offset = committed.get(partition);
        return offset == null ? 0 : offset.offset();
    }

    void markHandledBelow(TopicPartition partition, long offset) throws ExecutionException, InterruptedException {
        admin.alterConsumerGroupOffsets(
                        DeadLetterBacklog.OPERATORS_GROUP,
                        Map.of(partition, new OffsetAndMetadata(offset, "marked handled with switchboard-ops dlt ack")))
                .all()
                .get();
    }
}
