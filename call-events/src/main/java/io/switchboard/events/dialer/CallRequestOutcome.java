package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of a call request, for the system that published it, on {@code call-outcomes.v1} keyed by
 * request id: {@link Outcome#ACCEPTED} once the dialer has committed to placing it, then
 * {@link Outcome#PLACED} with the provider's call id, or {@link Outcome#REJECTED} with the reason at any
 * point. A publisher reads this topic instead of the internal provider events.
 *
 * @param field  for a rejection, the request's field at fault (a dotted path), or null
 * @param callId for a placed call, the provider's id of it
 */
public record CallRequestOutcome(
        String requestId,
        String accountId,
        Outcome outcome,
        String reason,
        String field,
        String callId,
        Instant occurredAt) {

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        PLACED;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Outcome fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
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
}
