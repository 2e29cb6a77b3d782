package io.switchboard.calllog.request.domain;

import java.time.Instant;

import io.switchboard.events.dialer.CallRequestOutcome;

/**
 * One step of a request's history: an outcome published for it, with when it happened and what it said.
 *
 * @param outcome         {@code scheduled}, {@code accepted}, {@code rejected}, {@code placed} or {@code finished}
 * @param at              when the dialer decided it, or, for {@code finished}, when the call ended
 * @param reason          for {@code rejected}, why
 * @param field           for {@code rejected}, the request's field at fault, when there is one
 * @param callId          for {@code placed} and {@code finished}, the provider's id of the call
 * @param finalStatus     for {@code finished}, the call's terminal status
 * @param durationSeconds for {@code finished}, how long the call lasted, when the provider said
 * @param dueAt           for {@code scheduled}, when the request is due (a recurring one's first due time heard)
 */
public record RequestOutcome(
        String outcome,
        Instant at,
        String reason,
        String field,
        String callId,
        String finalStatus,
        Integer durationSeconds,
        Instant dueAt) {

    public static RequestOutcome of(CallRequestOutcome event) {
        return new RequestOutcome(
                event.outcome().wireValue(),
                event.occurredAt(),
                event.reason(),
                event.field(),
                event.callId(),
                event.finalStatus() == null ? null : event.finalStatus().wireValue(),
                event.durationSeconds(),
                event.dueAt());
    }

    RequestState state() {
        return RequestState.fromWire(outcome);
    }
}
