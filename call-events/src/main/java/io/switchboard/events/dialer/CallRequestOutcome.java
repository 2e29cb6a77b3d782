package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.events.call.CallStatus;

/**
 * What became of a call request, for the system that published it, on {@code call-outcomes.v1} keyed by
 * request id: {@link Outcome#SCHEDULED} when it is due later ({@code dueAt}; for a recurring request, once per
 * due time, each occurrence then having outcomes of its own), {@link Outcome#ACCEPTED} once the dialer has committed to placing it, then
 * {@link Outcome#PLACED} with the provider's call id, or {@link Outcome#REJECTED} with the reason at any
 * point; finally {@link Outcome#FINISHED}, from the orchestrator, once the placed call has ended, with its
 * terminal status and duration. A publisher reads this topic instead of the internal provider events.
 *
 * <p>{@code finalStatus} and {@code durationSeconds} came with {@code finished}: readers ignore what they do
 * not know, and a record without them (every earlier outcome) reads them as null, so the type kept its version.
 *
 * @param field           for a rejection, the request's field at fault (a dotted path), or null
 * @param callId          for a placed or finished call, the provider's id of it
 * @param finalStatus     for a finished call, its terminal status (completed, busy, no-answer, failed, canceled)
 * @param durationSeconds for a finished call, how long it lasted as the provider reported it, or null when the
 *                        provider reported none (a call that was never answered, say)
 * @param dueAt           for a scheduled request, when it is due (a recurring request's next occurrence)
 */
public record CallRequestOutcome(
        String requestId,
        String accountId,
        Outcome outcome,
        String reason,
        String field,
        String callId,
        CallStatus finalStatus,
        Integer durationSeconds,
        Instant occurredAt,
        Instant dueAt) {

    public enum Outcome {
        SCHEDULED,
        ACCEPTED,
        REJECTED,
        PLACED,
        FINISHED;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Outcome fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** An outcome that is not about a schedule. */
    public CallRequestOutcome(
            String requestId,
            String accountId,
            Outcome outcome,
            String reason,
            String field,
            String callId,
            CallStatus finalStatus,
            Integer durationSeconds,
            Instant occurredAt) {
        this(requestId, accountId, outcome, reason, field, callId, finalStatus, durationSeconds, occurredAt, null);
    }

    /** The outcome as it was before {@code finished}: kept so code built against it still compiles. */
    public CallRequestOutcome(
            String requestId,
            String accountId,
            Outcome outcome,
            String reason,
            String field,
            String callId,
            Instant occurredAt) {
        this(requestId, accountId, outcome, reason, field, callId, null, null, occurredAt);
    }

    public static CallRequestOutcome scheduled(String requestId, String accountId, Instant dueAt, Instant at) {
        return scheduled(requestId, accountId, dueAt, null, at);
    }

    /** Scheduled for {@code reason}, e.g. outside the recipient's calling window; null when it is simply due later. */
    public static CallRequestOutcome scheduled(
            String requestId, String accountId, Instant dueAt, String reason, Instant at) {
        return new CallRequestOutcome(
                requestId, accountId, Outcome.SCHEDULED, reason, null, null, null, null, at, dueAt);
    }

    public static CallRequestOutcome accepted(String requestId, String accountId, Instant at) {
        return new CallRequestOutcome(requestId, accountId, Outcome.ACCEPTED, null, null, null, at);
    }

    public static CallRequestOutcome placed(String requestId, String accountId, String callId, Instant at) {
        return new CallRequestOutcome(requestId, accountId, Outcome.PLACED, null, null, callId, at);
    }

    public static CallRequestOutcome rejected(CallRequestRejected rejected) {
        return new CallRequestOutcome(
                rejected.requestId(),
                rejected.accountId(),
                Outcome.REJECTED,
                rejected.reason(),
                rejected.field(),
                null,
                rejected.rejectedAt());
    }

    /**
     * The placed call ended: {@code finalStatus} must be terminal, since a request finishes once, with the
     * status its call ends in.
     *
     * @param at when the call reached its terminal status (the provider's time)
     */
    public static CallRequestOutcome finished(
            String requestId,
            String accountId,
            String callId,
            CallStatus finalStatus,
            Integer durationSeconds,
            Instant at) {
        Objects.requireNonNull(finalStatus, "finalStatus");
        if (!finalStatus.isTerminal()) {
            throw new IllegalArgumentException("a request finishes with a terminal status, not " + finalStatus);
        }
        return new CallRequestOutcome(
                requestId, accountId, Outcome.FINISHED, null, null, callId, finalStatus, durationSeconds, at);
    }
}
