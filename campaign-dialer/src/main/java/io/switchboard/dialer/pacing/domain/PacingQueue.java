package io.switchboard.dialer.pacing.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.pacing.config.PacingProperties;
import io.switchboard.events.dialer.QueuedCallRecorded;
import org.springframework.stereotype.Component;

/**
 * The pacing groups of the {@code dialer-queue.v1} partitions this instance owns: a partition's groups are
 * built from its records when it is assigned ({@link #load}) and dropped when it is revoked, so the owner of a
 * provider account always paces it with everything that was queued for it, whichever instance wrote it.
 */
@Component
public class PacingQueue {

    private final Map<Integer, Map<String, PacingGroup>> byPartition = new ConcurrentHashMap<>();
    private final PacingProperties properties;
    private final Clock clock;

    public PacingQueue(PacingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Replaces what is known of {@code partition} with its records, oldest first. */
    public void load(int partition, Collection<QueuedCallRecorded> records) {
        Map<String, PacingGroup> groups = new ConcurrentHashMap<>();
        records.forEach(record -> group(groups, record.providerAccount()).apply(record));
        byPartition.put(partition, groups);
    }

    public void forget(Collection<Integer> partitions) {
        partitions.forEach(byPartition::remove);
    }

    public boolean owns(int partition) {
        return byPartition.containsKey(partition);
    }

    /** A record of an owned partition; one of a partition not owned here is left to its owner. */
    public void apply(int partition, QueuedCallRecorded record) {
        Map<String, PacingGroup> groups = byPartition.get(partition);
        if (groups != null) {
            group(groups, record.providerAccount()).apply(record);
        }
    }

    /** What every owned group lets through now, with the partition each belongs to. */
    public List<Released> release() {
        List<Released> released = new ArrayList<>();
        byPartition.forEach((partition, groups) -> groups.values()
                .forEach(group -> group.release().forEach(release -> released.add(new Released(partition, release)))));
        return released;
    }

    /** The soonest any owned group may let more through, at most {@code atMost}. */
    public Duration untilNextRelease(Duration atMost) {
        Duration soonest = atMost;
        for (Map<String, PacingGroup> groups : byPartition.values()) {
            for (PacingGroup group : groups.values()) {
                Duration wait = group.untilNextRelease();
                if (wait.compareTo(soonest) < 0) {
                    soonest = wait;
                }
            }
        }
        return soonest;
    }

    /** Every owned group's progress, by provider account. */
    public Map<String, PacingGroup.Progress> progress() {
        Map<String, PacingGroup.Progress> progress = new ConcurrentHashMap<>();
        byPartition.values().forEach(groups -> groups.forEach((key, group) -> progress.put(key, group.progress())));
        return progress;
    }

    private PacingGroup group(Map<String, PacingGroup> groups, String providerAccount) {
        return groups.computeIfAbsent(
                providerAccount,
                key -> new PacingGroup(key, properties.limitsOf(providerAccountId(key)), properties.backoff(), clock));
    }

    /** {@code twilio/AC…} is known to its provider as {@code AC…}. */
    private static String providerAccountId(String providerAccount) {
        int slash = providerAccount.indexOf('/');
        return slash < 0 ? providerAccount : providerAccount.substring(slash + 1);
    }

    /** A release of a group of {@code partition}. */
    public record Released(int partition, PacingGroup.Release release) {}
}
