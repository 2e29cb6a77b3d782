package io.switchboard.orchestrator.call.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.switchboard.events.call.CallKey;

/**
 * Calls in memory, per partition of provider-events.v1, each under its {@link CallKey}. A
 * partition's calls are rebuilt from call-states.v1 when it is assigned and dropped when it is
 * revoked: this instance only ever holds the calls whose events it consumes.
 */
public final class CallStore {

    private final ConcurrentMap<Integer, PartitionCalls> partitions = new ConcurrentHashMap<>();
    private final int retiredCapacity;

    public CallStore(int retiredCapacityPerPartition) {
        this.retiredCapacity = retiredCapacityPerPartition;
    }

    public PartitionCalls newPartition() {
        return new PartitionCalls(retiredCapacity);
    }

    public void assign(int partition, PartitionCalls calls) {
        partitions.put(partition, calls);
    }

    public void revoke(int partition) {
        partitions.remove(partition);
    }

    /** Whether this partition's calls were rebuilt: no record of a partition is applied before that. */
    public boolean holds(int partition) {
        return partitions.containsKey(partition);
    }

    public Optional<Call> find(int partition, CallKey key) {
        PartitionCalls calls = partitions.get(partition);
        return calls == null ? Optional.empty() : calls.find(key);
    }

    public boolean isRetired(int partition, CallKey key) {
        PartitionCalls calls = partitions.get(partition);
        return calls != null && calls.isRetired(key);
    }

    public void save(int partition, Call call) {
        PartitionCalls calls = partitions.get(partition);
        if (calls == null) {
            throw new IllegalStateException("Partition " + partition + " was not rebuilt; refusing to apply call "
                    + call.key() + " without its state");
        }
        calls.put(call);
    }

    public void restore(int partition, CallKey key, Call previous) {
        PartitionCalls calls = partitions.get(partition);
        if (calls != null) {
            calls.restore(key, previous);
        }
    }

    /**
     * A detection of a call this partition has no state for yet: it is given to the call when the call's first
     * fact creates it. Held in memory only (a snapshot needs a status), so a crash or a rebalance before that
     * loses it.
     */
    public Optional<AnsweringMachineFact> heldDetection(int partition, CallKey key) {
        PartitionCalls calls = partitions.get(partition);
        return calls == null ? Optional.empty() : calls.heldDetection(key);
    }

    public void hold(int partition, AnsweringMachineFact detection) {
        PartitionCalls calls = partitions.get(partition);
        if (calls == null) {
            throw new IllegalStateException("Partition " + partition + " was not rebuilt; refusing to hold a "
                    + "detection for call " + detection.key() + " without its state");
        }
        calls.hold(detection);
    }

    public void release(int partition, CallKey key) {
        PartitionCalls calls = partitions.get(partition);
        if (calls != null) {
            calls.release(key);
        }
    }

    public int evictDetectionsBefore(Instant cutoff) {
        return partitions.values().stream()
                .mapToInt(calls -> calls.evictDetectionsBefore(cutoff))
                .sum();
    }

    public int evictTerminalBefore(Instant cutoff) {
        return partitions.values().stream()
                .mapToInt(calls -> calls.evictTerminalBefore(cutoff))
                .sum();
    }

    public int size() {
        return partitions.values().stream().mapToInt(PartitionCalls::size).sum();
    }
}
