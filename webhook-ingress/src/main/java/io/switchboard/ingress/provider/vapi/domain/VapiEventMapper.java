package io.switchboard.ingress.provider.vapi.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.provider.AssistantHangReported;
import io.switchboard.events.provider.CallReportReceived;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.events.routing.RoutingRequested;
import org.springframework.stereotype.Component;

/**
 * Normalizes verified VAPI server messages into Switchboard's provider events, each with its
 * deterministic id and VAPI's call id as subject and key. The CloudEvent time is the message's
 * {@code timestamp} when sent, else the time we received it.
 */
@Component
public class VapiEventMapper {

    public static final String PROVIDER = "vapi";
    /** What a caller with a withheld number is called, as Twilio does. */
    static final String ANONYMOUS = "anonymous";

    private final Clock clock;

    public VapiEventMapper(Clock clock) {
        this.clock = clock;
    }

    /** A status-update as a call status; empty for VAPI statuses that are not a state of the call. */
    public Optional<OutgoingEvent<CallStatusReported>> status(String accountId, VapiMessage message) {
        String callId = message.callId();
        String vapiStatus = message.required("status");
        String endedReason = VapiCallReports.first(message.text("endedReason"), message.text("call", "endedReason"));
        Optional<CallStatus> status = VapiCallStatuses.of(vapiStatus, endedReason);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Instant receivedAt = clock.instant();
        Instant occurredAt = message.timestamp();
        VapiParties parties = VapiParties.of(message);
        Integer duration = status.get().isTerminal()
                ? VapiCallReports.durationSeconds(
                        message.instant("call", "startedAt"), message.instant("call", "endedAt"), null)
                : null;
        var payload = new CallStatusReported(
                PROVIDER,
                accountId,
                message.text("call", "orgId"),
                callId,
                status.get(),
                parties.direction(),
                parties.from(),
                parties.to(),
                duration,
                null,
                occurredAt,
                null,
                null,
                null,
                receivedAt);
        return Optional.of(OutgoingEvent.of(
                EventTypes.CALL_STATUS_REPORTED,
                VapiEventIds.status(accountId, callId, vapiStatus),
                callId,
                time(occurredAt, receivedAt),
                payload));
    }

    public OutgoingEvent<CallReportReceived> report(String accountId, VapiMessage message) {
        Instant receivedAt = clock.instant();
        CallReportReceived payload = VapiCallReports.read(PROVIDER, accountId, message, receivedAt);
        return OutgoingEvent.of(
                EventTypes.CALL_REPORT_RECEIVED,
                VapiEventIds.report(accountId, payload.callId()),
                payload.callId(),
                time(message.timestamp(), receivedAt),
                payload);
    }

    public OutgoingEvent<AssistantHangReported> hang(String accountId, VapiMessage message, byte[] rawBody) {
        String callId = message.callId();
        Instant receivedAt = clock.instant();
        Instant occurredAt = message.timestamp();
        var payload = new AssistantHangReported(PROVIDER, accountId, callId, occurredAt, receivedAt);
        return OutgoingEvent.of(
                EventTypes.ASSISTANT_HANG_REPORTED,
                VapiEventIds.hang(accountId, callId, occurredAt, rawBody),
                callId,
                time(occurredAt, receivedAt),
                payload);
    }

    /** An assistant-request is VAPI asking how to answer a call to one of our numbers. */
    public OutgoingEvent<InboundCallReceived> inboundCall(String accountId, VapiMessage message) {
        String callId = message.callId();
        Instant receivedAt = clock.instant();
        VapiParties parties = VapiParties.inbound(message);
        var payload = new InboundCallReceived(
                PROVIDER, accountId, message.text("call", "orgId"), callId, parties.from(), parties.to(), receivedAt);
        return OutgoingEvent.of(
                EventTypes.INBOUND_CALL_RECEIVED,
                VapiEventIds.inboundCall(accountId, callId),
                callId,
                time(message.timestamp(), receivedAt),
                payload);
    }

    public OutgoingEvent<RoutingRequested> routingRequest(String accountId, VapiMessage message) {
        String callId = message.callId();
        Instant requestedAt = clock.instant();
        VapiParties parties = VapiParties.inbound(message);
        var payload = new RoutingRequested(PROVIDER, accountId, callId, parties.from(), parties.to(), requestedAt);
        return OutgoingEvent.of(
                EventTypes.ROUTING_REQUESTED,
                VapiEventIds.routingRequest(accountId, callId),
                callId,
                requestedAt,
                payload);
    }

    private static Instant time(Instant occurredAt, Instant receivedAt) {
        return occurredAt == null ? receivedAt : occurredAt;
    }
}
