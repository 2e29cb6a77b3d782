package io.switchboard.orchestrator.call.domain;

import java.time.Instant;
import java.util.Objects;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;

/**
 * What one provider or dialer event says about a call: the status it reports and whatever it knows
 * about the call. Fields other than key, status and at may be null.
 *
 * @param key            the call the fact is about: the provider, the account the event was
 *                       verified for (the webhook's own account, the dialer's signed request) and
 *                       the provider's call id
 * @param at             when the provider says the status was reached (never null)
 * @param sequenceNumber the provider's ordering of its callbacks, null when it gives none
 * @param durationSeconds the call's length, meaningful on a terminal status only
 */
public record CallFact(
        CallKey key,
        CallStatus status,
        Instant at,
        Integer sequenceNumber,
        CallDirection direction,
        String from,
        String to,
        String assistantId,
        String requestId,
        Integer durationSeconds) {

    public CallFact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    CallTransition transition() {
        return new CallTransition(status, at, sequenceNumber);
    }
}
