package io.switchboard.orchestrator.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.testsupport.TestEnvelopes;

/**
 * Signed provider-events.v1 records for one call of one account, as the dialer and the ingress
 * publish them. The same fact always gets the same event id, so sending one twice is a true
 * duplicate; the same provider call id told to another account is another call, with other ids.
 */
public final class ProviderEvents {

    public static final String FROM = "+14155550123";
    public static final String TO = "+14155550199";

    private final EventEnvelopes envelopes = TestEnvelopes.trusted();
    private final String callId;
    private final String accountId;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public ProviderEvents(String callId, String accountId) {
        this.callId = callId;
        this.accountId = accountId;
    }

    public CloudEvent placed() {
        var placed = new CallPlaced(requestId(), accountId, callId, "twilio", FROM, TO, "sales", 600, t0, Map.of());
        return envelopes.wrap(
                EventTypes.CALL_PLACED, EventIds.of("test-placed", accountId, callId), callId, t0, placed);
    }

    public CloudEvent status(CallStatus status, int sequenceNumber) {
        return status(status, sequenceNumber, null);
    }

    public CloudEvent status(CallStatus status, int sequenceNumber, Integer durationSeconds) {
        Instant at = t0.plusSeconds(1 + sequenceNumber);
        var reported = new CallStatusReported(
                "twilio",
                accountId,
                "AC-test",
                callId,
                status,
                CallDirection.OUTBOUND,
                FROM,
                TO,
                durationSeconds,
                sequenceNumber,
                at,
                null,
                null,
                null,
                at);
        return envelopes.wrap(
                EventTypes.CALL_STATUS_REPORTED,
                EventIds.of("test-status", accountId, callId, status.wireValue(), Integer.toString(sequenceNumber)),
                callId,
                at,
                reported);
    }

    /** The call's async AMD result, as the ingress publishes it from the AMD callback URL the dialer gave. */
    public CloudEvent detected(String answeredBy) {
        Instant at = t0.plusSeconds(30);
        var detected = new AnsweringMachineDetected("twilio", accountId, callId, answeredBy, 2900, at, requestId());
        return envelopes.wrap(
                EventTypes.ANSWERING_MACHINE_DETECTED,
                EventIds.of("test-amd", accountId, callId),
                callId,
                at,
                detected);
    }

    public CloudEvent inbound(String from, String to) {
        var received = new InboundCallReceived("twilio", accountId, "AC-test", callId, from, to, t0);
        return envelopes.wrap(
                EventTypes.INBOUND_CALL_RECEIVED, EventIds.of("test-inbound", accountId, callId), callId, t0, received);
    }

    /** The call's key: the key and subject of its records on call-states.v1. */
    public CallKey key() {
        return new CallKey("twilio", accountId, callId);
    }

    /** {@link #key()} in its canonical form, as call-states.v1 keys the call. */
    public String stateKey() {
        return key().canonical();
    }

    public String requestId() {
        return "req-" + callId;
    }
}
