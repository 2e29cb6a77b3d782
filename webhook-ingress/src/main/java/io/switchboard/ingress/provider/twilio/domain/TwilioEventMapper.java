package io.switchboard.ingress.provider.twilio.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.events.provider.RecordingReported;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import org.springframework.stereotype.Component;

/**
 * Normalizes verified Twilio webhooks into Switchboard's provider events, each with its
 * deterministic id and the call id (CallSid) as subject and key.
 */
@Component
public class TwilioEventMapper {

    static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";
    private static final String PROVIDER = TwilioSignatureVerifier.PROVIDER;
    /** Twilio's RecordingStatus values; anything else is refused rather than passed on unchecked. */
    private static final Set<String> RECORDING_STATUSES = Set.of("in-progress", "completed", "absent", "failed");

    private final Clock clock;

    public TwilioEventMapper(Clock clock) {
        this.clock = clock;
    }

    public OutgoingEvent<CallStatusReported> callStatus(WebhookRequest request) {
        var params = new TwilioParams(request);
        String callSid = params.required("CallSid");
        String rawStatus = params.required("CallStatus");
        CallStatus status = params.required("CallStatus", CallStatus::fromWire);
        Instant receivedAt = clock.instant();
        Instant occurredAt = params.optionalRfc2822("Timestamp");
        var payload = new CallStatusReported(
                PROVIDER,
                request.accountId(),
                params.optional("AccountSid"),
                callSid,
                status,
                CallDirection.fromWire(params.optional("Direction")),
                params.optional("From"),
                params.optional("To"),
                params.optionalInt("CallDuration"),
                params.optionalInt("SequenceNumber"),
                occurredAt,
                params.optional("ParentCallSid"),
                params.optional("AnsweredBy"),
                params.optional("CallbackSource"),
                receivedAt);
        String id = TwilioEventIds.callStatus(
                request.accountId(),
                request.header(IDEMPOTENCY_HEADER),
                callSid,
                rawStatus,
                params.optional("SequenceNumber"));
        return OutgoingEvent.of(
                EventTypes.CALL_STATUS_REPORTED, id, callSid, occurredAt == null ? receivedAt : occurredAt, payload);
    }

    public OutgoingEvent<RecordingReported> recording(WebhookRequest request) {
        var params = new TwilioParams(request);
        String callSid = params.required("CallSid");
        String recordingSid = params.required("RecordingSid");
        String recordingStatus = params.required("RecordingStatus", status -> {
            if (!RECORDING_STATUSES.contains(status)) {
                throw new IllegalArgumentException(status);
            }
            return status;
        });
        Instant receivedAt = clock.instant();
        var payload = new RecordingReported(
                PROVIDER,
                request.accountId(),
                callSid,
                recordingSid,
                recordingStatus,
                params.optional("RecordingUrl"),
                params.optionalInt("RecordingDuration"),
                params.optionalInt("RecordingChannels"),
                receivedAt);
        String id = TwilioEventIds.recording(
                request.accountId(), request.header(IDEMPOTENCY_HEADER), recordingSid, recordingStatus);
        return OutgoingEvent.of(EventTypes.RECORDING_REPORTED, id, callSid, receivedAt, payload);
    }

    /** An async AMD callback ({@code AsyncAmdStatusCallback}): who or what answered the call. */
    public OutgoingEvent<AnsweringMachineDetected> answeringMachine(WebhookRequest request) {
        return answeringMachine(request, null);
    }

    /**
     * @param requestId the call request the dialer placed the call for (from its AMD callback URL), or null when
     *                  the URL named none. Not part of the event id: the detection is one fact about the call,
     *                  whichever URL reported it
     */
    public OutgoingEvent<AnsweringMachineDetected> answeringMachine(WebhookRequest request, String requestId) {
        var params = new TwilioParams(request);
        String callSid = params.required("CallSid");
        Instant receivedAt = clock.instant();
        var payload = new AnsweringMachineDetected(
                PROVIDER,
                request.accountId(),
                callSid,
                params.required("AnsweredBy"),
                params.optionalInt("MachineDetectionDuration"),
                receivedAt,
                requestId);
        String id = TwilioEventIds.answeringMachine(request.accountId(), request.header(IDEMPOTENCY_HEADER), callSid);
        return OutgoingEvent.of(EventTypes.ANSWERING_MACHINE_DETECTED, id, callSid, receivedAt, payload);
    }

    public OutgoingEvent<InboundCallReceived> inboundCall(WebhookRequest request) {
        var params = new TwilioParams(request);
        String callSid = params.required("CallSid");
        Instant receivedAt = clock.instant();
        var payload = new InboundCallReceived(
                PROVIDER,
                request.accountId(),
                params.optional("AccountSid"),
                callSid,
                params.optional("From"),
                params.optional("To"),
                receivedAt);
        return OutgoingEvent.of(
                EventTypes.INBOUND_CALL_RECEIVED,
                TwilioEventIds.inboundCall(request.accountId(), callSid),
                callSid,
                receivedAt,
                payload);
    }

    public OutgoingEvent<RoutingRequested> routingRequest(WebhookRequest request) {
        return routingRequest(request, null);
    }

    /**
     * @param requestId the call request an answered outbound call was placed for (from its voice URL), or null
     *                  for an inbound call
     */
    public OutgoingEvent<RoutingRequested> routingRequest(WebhookRequest request, String requestId) {
        var params = new TwilioParams(request);
        String callSid = params.required("CallSid");
        Instant requestedAt = clock.instant();
        var payload = new RoutingRequested(
                PROVIDER,
                request.accountId(),
                callSid,
                params.optional("From"),
                params.optional("To"),
                requestedAt,
                requestId);
        return OutgoingEvent.of(
                EventTypes.ROUTING_REQUESTED,
                TwilioEventIds.routingRequest(request.accountId(), callSid),
                callSid,
                requestedAt,
                payload);
    }
}
