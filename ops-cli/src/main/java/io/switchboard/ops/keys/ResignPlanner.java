package io.switchboard.ops.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.RefusedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every partition of a compacted topic to the end offset seen when it starts, takes each key's
 * latest record, and re-signs in memory those not yet on the current keys ({@link Resigner}). Nothing is
 * sent, so a refusal (a record of a type the current key's service may not sign) leaves the topic as it was.
 *
 * <p>A run that failed after sending its copies may have left a record the owning service wrote meanwhile
 * under one (a copy of an older record): a key whose latest record is a copy of an offset the service
 * wrote after gets that newer record produced again.
 */
final class ResignPlanner {

    private final Resigner resigner;

    ResignPlanner(Resigner resigner) {
        this.resigner = resigner;
    }

    /**
     * What one key's records say, read in order: its latest record if that needs re-signing (only then,
     * so that memory holds just those), which offset it copies if it is a copy, and the service's last write.
     */
    private record KeyRecords(SnapshotRecord stale, long copiedFrom, long lastWrite) {

        KeyRecords then(SnapshotRecord record, boolean current) {
            long copy = record.copiedFrom().orElse(-1);
            return new KeyRecords(current ? null : record, copy, copy >= 0 ? lastWrite : record.offset());
        }

        /** A write of the service after the record the latest one copies: buried under the copy. */
        boolean buriesAWrite() {
            return copiedFrom >= 0 && lastWrite > copiedFrom;
        }
    }

    ResignPlan plan(Topic topic, Consumer<byte[], byte[]> consumer) {
        var reader = new SnapshotReader(consumer);
        var partitions = reader.partitionsOf(topic);
        if (partitions.isEmpty()) {
            throw new RefusedException(topic.topicName() + " does not exist on this cluster");
        }
        var plan = new ResignPlan();
        for (TopicPartition partition : partitions) {
            long end = reader.endOffset(partition);
            Map<String, KeyRecords> keys = new HashMap<>();
            reader.forEach(
                    partition,
                    0,
                    end,
                    record -> keys.put(
                            record.key(),
                            keys.getOrDefault(record.key(), new KeyRecords(null, -1, -1))
                                    .then(record, resigner.isCurrent(record))));
            var resigns = new ArrayList<Resign>();
            Set<Long> buried = new HashSet<>();
            int current = 0;
            for (KeyRecords key : keys.values()) {
                if (key.buriesAWrite()) {
                    buried.add(key.lastWrite());
                } else if (key.stale() != null) {
                    resign(key.stale(), resigns, plan);
                } else {
                    current++;
                }
            }
            for (SnapshotRecord record : buriedWrites(reader, partition, buried, end)) {
                try {
                    resigns.add(new Resign(record, resigner.again(record)));
                    plan.note(record.at() + " key=" + record.key() + " was left under an earlier run's copy of an"
                            + " older record; it is produced again");
                } catch (Resigner.NotResignableException e) {
                    plan.skip(record, e.getMessage());
                }
            }
            resigns.sort(
                    (a, b) -> Long.compare(a.original().offset(), b.original().offset()));
            plan.countCurrent(current);
            plan.add(new ResignPlan.Partition(partition, end, resigns));
        }
        return plan;
    }

    private void resign(SnapshotRecord record, List<Resign> resigns, ResignPlan plan) {
        try {
            resigns.add(new Resign(record, resigner.resign(record)));
        } catch (Resigner.NotResignableException e) {
            plan.skip(record, e.getMessage());
        }
    }

    private static List<SnapshotRecord> buriedWrites(
            SnapshotReader reader, TopicPartition partition, Set<Long> offsets, long end) {
        var found = new ArrayList<SnapshotRecord>();
        if (!offsets.isEmpty()) {
            long first = offsets.stream().mapToLong(Long::longValue).min().orElseThrow();
            reader.forEach(partition, first, end, record -> {
                if (offsets.contains(record.offset())) {
                    found.add(record);
                }
            });
        }
        return found;
    }
}
