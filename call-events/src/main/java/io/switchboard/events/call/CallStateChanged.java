package io.switchboard.events.call;

import java.time.Instant;
import java.util.List;

/**
 * The authoritative state of one call after a change, as a whole snapshot: {@code call-states.v1}
 * is compacted, so the latest record per call is everything a reader needs.
 *
 * @param answeredBy who answered the call as the provider's answering machine detection spells it (Twilio
 *                   {@code AnsweredBy}: human, machine_start, machine_end_beep, fax, unknown…); null until a
 *                   detection is known, for calls placed without one, and in snapshots written before it travelled
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
        Instant changedAt,
        String answeredBy) {

    public CallStateChanged {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A snapshot without an answering machine detection, as written before it travelled. */
    public CallStateChanged(
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
        this(
                callId,
                accountId,
                provider,
                direction,
                from,
                to,
                assistantId,
                requestId,
                status,
                previousStatus,
                durationSeconds,
                timeline,
                changedAt,
                null);
    }
}
