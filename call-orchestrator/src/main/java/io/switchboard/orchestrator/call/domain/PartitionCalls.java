package io.switchboard.orchestrator.call.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import io.switchboard.events.call.CallKey;

/**
 * The calls of one partition of provider-events.v1 (and call-states.v1: same partition count, and
 * snapshots are written to the partition number of their events), by call key: the calls of two
 * accounts told about the same provider call id sit here side by side, as two calls. Its listener
 * thread and the eviction task share it, hence the lock per partition.
 */
public final class PartitionCalls {

    private final Map<CallKey, Call> calls = new HashMap<>();
    /** Detections that came before their call's first status, held until it comes (memory only). */
    private final Map<CallKey, AnsweringMachineFact> detectionsAwaitingCall = new HashMap<>();

    private final RetiredCallIds retired;

    public PartitionCalls(int retiredCapacity) {
        this.retired = new RetiredCallIds(retiredCapacity);
    }

    synchronized Optional<Call> find(CallKey key) {
        return Optional.ofNullable(calls.get(key));
    }

    synchronized boolean isRetired(CallKey key) {
        return retired.contains(key);
    }

    /** Latest value wins: used both for live changes and for replaying snapshots in offset order. */
    public synchronized void put(Call call) {
        calls.put(call.key(), call);
    }

    /** Undoes a change: back to {@code previous}, or forgets a call the change had created. */
    synchronized void restore(CallKey key, Call previous) {
        retired.remove(key);
        if (previous == null) {
            calls.remove(key);
        } else {
            calls.put(key, previous);
        }
    }

    synchronized Optional<AnsweringMachineFact> heldDetection(CallKey key) {
        return Optional.ofNullable(detectionsAwaitingCall.get(key));
    }

    synchronized void hold(AnsweringMachineFact detection) {
        detectionsAwaitingCall.put(detection.key(), detection);
    }

    synchronized void release(CallKey key) {
        detectionsAwaitingCall.remove(key);
    }

    /** Forgets detections whose call has not shown up since before the cutoff: it most likely never will. */
    public synchronized int evictDetectionsBefore(Instant cutoff) {
        int before = detectionsAwaitingCall.size();
        detectionsAwaitingCall.values().removeIf(detection -> detection.at().isBefore(cutoff));
        return before - detectionsAwaitingCall.size();
    }

    /** Moves terminal calls whose status is older than the cutoff to the retired keys. */
    public synchronized int evictTerminalBefore(Instant cutoff) {
        int evicted = 0;
        for (Iterator<Call> it = calls.values().iterator(); it.hasNext(); ) {
            Call call = it.next();
            if (call.isTerminal() && call.changedAt().isBefore(cutoff)) {
                it.remove();
                retired.add(call.key());
                evicted++;
            }
        }
        return evicted;
    }

    synchronized int size() {
        return calls.size();
    }
}
