package io.switchboard.orchestrator.call.domain;

import java.time.Instant;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;

/** Facts as the dialer, the ingress's status, AMD callbacks and inbound calls bring them. */
final class CallFacts {

    static final String CALL = "CA0001";
    static final CallKey KEY = new CallKey("twilio", "acme", CALL);
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private CallFacts() {}

    static CallFact placed() {
        return new CallFact(
                KEY,
                CallStatus.QUEUED,
                T0,
                null,
                CallDirection.OUTBOUND,
                "+14155550100",
                "+14155550199",
                "sales",
                "req-1",
                null);
    }

    static CallFact status(CallStatus status, int sequenceNumber) {
        return status(status, sequenceNumber, null);
    }

    static CallFact status(CallStatus status, int sequenceNumber, Integer durationSeconds) {
        return status(KEY, status, sequenceNumber, durationSeconds);
    }

    /** A status callback about the call of {@code key}: another account's, for one. */
    static CallFact status(CallKey key, CallStatus status, int sequenceNumber, Integer durationSeconds) {
        return new CallFact(
                key,
                status,
                T0.plusSeconds(1 + sequenceNumber),
                sequenceNumber,
                CallDirection.OUTBOUND,
                "+14155550100",
                "+14155550199",
                null,
                null,
                durationSeconds);
    }

    static CallFact inbound() {
        return new CallFact(
                KEY,
                CallStatus.RINGING,
                T0,
                null,
                CallDirection.INBOUND,
                "+14155550111",
                "+14155550100",
                "sales",
                null,
                null);
    }

    /** The provider's answering machine detection of the call, reported a minute after it was placed. */
    static AnsweringMachineFact detected(String answeredBy) {
        return new AnsweringMachineFact(KEY, answeredBy, T0.plusSeconds(60));
    }

    /** The same provider call id, told to another account by a callback that account's own credential signed. */
    static CallKey sameCallIdOf(String accountId) {
        return new CallKey(KEY.provider(), accountId, CALL);
    }
}
