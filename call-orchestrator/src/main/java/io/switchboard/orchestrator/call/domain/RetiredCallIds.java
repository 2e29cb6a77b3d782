package io.switchboard.orchestrator.call.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.events.call.CallKey;

/**
 * Keys of terminal calls evicted from memory, so a late duplicate for one cannot create the call
 * again. Bounded: past the capacity the oldest ids are forgotten. Not thread-safe; the owning
 * {@link PartitionCalls} guards it.
 */
final class RetiredCallIds {

    private final Map<CallKey, Boolean> ids;

    RetiredCallIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CallKey, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(CallKey key) {
        ids.put(key, Boolean.TRUE);
    }

    void remove(CallKey key) {
        ids.remove(key);
    }

    boolean contains(CallKey key) {
        return ids.containsKey(key);
    }

    int size() {
        return ids.size();
    }
}
