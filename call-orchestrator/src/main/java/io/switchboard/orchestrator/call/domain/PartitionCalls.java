package io.switchboard.orchestrator.call.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The calls of one partition of provider-events.v1 (and call-states.v1: same key, same count).
 * Its listener thread and the eviction task share it, hence the lock per partition.
 */
public final class PartitionCalls {

    private final Map<String, Call> calls = new HashMap<>();
    private final RetiredCallIds retired;

    public PartitionCalls(int retiredCapacity) {
        this.retired = new RetiredCallIds(retiredCapacity);
    }

    synchronized Optional<Call> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    synchronized boolean isRetired(String callId) {
        return retired.contains(callId);
    }

    /** Latest value wins: used both for live changes and for replaying snapshots in offset order. */
    public synchronized void put(Call call) {
        calls.put(call.callId(), call);
    }

    /** Undoes a change: back to {@code previous}, or forgets a call the change had created. */
    synchronized void restore(String callId, Call previous) {
        retired.remove(callId);
        if (previous == null) {
            calls.remove(callId);
        } else {
            calls.put(callId, previous);
        }
    }

    /** Moves terminal calls whose status is older than the cutoff to the retired ids. */
    public synchronized int evictTerminalBefore(Instant cutoff) {
        int evicted = 0;
        for (Iterator<Call> it = calls.values().iterator(); it.hasNext(); ) {
            Call call = it.next();
            if (call.isTerminal() && call.changedAt().isBefore(cutoff)) {
                it.remove();
                retired.add(call.callId());
                evicted++;
            }
        }
        return evicted;
    }

    synchronized int size() {
        return calls.size();
    }
}
