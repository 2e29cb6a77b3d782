package io.switchboard.orchestrator.call.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of terminal calls evicted from memory, so a late duplicate for one cannot create the call
 * again. Bounded: past the capacity the oldest ids are forgotten. Not thread-safe; the owning
 * {@link PartitionCalls} guards it.
 */
final class RetiredCallIds {

    private final Map<String, Boolean> ids;

    RetiredCallIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(String callId) {
        ids.put(callId, Boolean.TRUE);
    }

    void remove(String callId) {
        ids.remove(callId);
    }

    boolean contains(String callId) {
        return ids.containsKey(callId);
    }

    int size() {
        return ids.size();
    }
}
