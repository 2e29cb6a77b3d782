package io.switchboard.events.call;

import java.time.Instant;
import java.util.List;

/**
 * The authoritative state of one call after a change, as a whole snapshot: {@code call-states.v1}
 * is compacted, so the latest record per call is everything a reader needs.
 */
public record CallStateChanged(
        String callId,
        String accountId,
        String provider,
        CallDirection direction,
        String from,
        String to,
        String assistantId,
        String requestId,
        CallStatus status,
        CallStatus previousStatus,
        Integer durationSeconds,
        List<CallTransition> timeline,
        Instant changedAt) {

    public CallStateChanged {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
