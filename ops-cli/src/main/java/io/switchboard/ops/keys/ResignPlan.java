package io.switchboard.ops.keys;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.TopicPartition;

/**
 * What {@code keys resign} will send for one topic, worked out before anything is sent: per partition,
 * the re-signed records and the end offset up to which the partition was read; and the records left as
 * they are, with why.
 */
final class ResignPlan {

    /** @param readEnd the end offset the partition was read to: a record of a re-signed key at or after it is newer */
    record Partition(TopicPartition partition, long readEnd, List<Resign> resigns) {}

    private final List<Partition> partitions = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int current;

    void add(Partition partition) {
        partitions.add(partition);
    }

    void skip(SnapshotRecord record, String why) {
        skipped.add(record.at() + " key=" + record.key() + " left as it is: " + why);
    }

    void note(String line) {
        notes.add(line);
    }

    void countCurrent(int keys) {
        current += keys;
    }

    List<Partition> partitions() {
        return partitions;
    }

    List<String> skipped() {
        return skipped;
    }

    /** What else the run found and will do, for the operator. */
    List<String> notes() {
        return notes;
    }

    /** Keys whose latest record needs nothing. */
    int current() {
        return current;
    }

    int resignCount() {
        return partitions.stream().mapToInt(p -> p.resigns().size()).sum();
    }
}
