package io.switchboard.dialer.placement.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.events.dialer.CallPlaced;

/**
 * The request ids this instance has dialed, so a redelivered or re-published request is dialed at
 * most once. Bounded (oldest forgotten first) and in memory only: a restart forgets it, until the
 * durable intent log listed in docs/design.md, "Not yet built", replaces it.
 */
final class PlacedRequests {

    /** What is known of a request id when a record for it arrives. */
    sealed interface Claim {
        /** Never seen: the caller now holds it and must call {@link #placed} or {@link #release}. */
        record Fresh() implements Claim {}

        /** Dialing now on another thread, or placed and its event committed. */
        record Taken() implements Claim {}

        /** Placed, but the transaction that published its event did not commit: publish it again, do not dial. */
        record Unpublished(CallPlaced event) implements Claim {}
    }

    private record Placement(CallPlaced event, boolean committed) {}

    private static final Placement IN_FLIGHT = new Placement(null, false);

    private final Map<String, Placement> entries;

    PlacedRequests(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Placement> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Claim claim(String requestId) {
        Placement entry = entries.get(requestId);
        if (entry == null) {
            entries.put(requestId, IN_FLIGHT);
            return new Claim.Fresh();
        }
        if (entry.event() != null && !entry.committed()) {
            return new Claim.Unpublished(entry.event());
        }
        return new Claim.Taken();
    }

    synchronized void placed(String requestId, CallPlaced event) {
        entries.put(requestId, new Placement(event, false));
    }

    synchronized void committed(String requestId) {
        entries.computeIfPresent(requestId, (id, entry) -> new Placement(entry.event(), true));
    }

    synchronized void release(String requestId) {
        entries.remove(requestId);
    }
}
