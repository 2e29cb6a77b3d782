package io.switchboard.orchestrator.call.messaging;

import java.time.Instant;
import java.util.Optional;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.account.domain.Route;
import io.switchboard.orchestrator.call.domain.AnsweringMachineFact;
import io.switchboard.orchestrator.call.domain.CallFact;
import org.springframework.stereotype.Component;

/**
 * Reads the events of provider-events.v1 as facts about calls: a status a call reached, or who answered it
 * (an answering machine detection). Events that are not about a call's state (recordings, rejected
 * requests) yield nothing; an event that claims to be about a call but
 * lacks what a fact needs is rejected, so it is dead-lettered instead of half-applied.
 *
 * <p>A fact's call is the event's provider, its account and the provider's call id ({@link CallKey}).
 * The account is the one the event was verified for: the webhook path's account, whose own
 * credential signed the callback, or the account of the dialer's request. A callback of account B
 * naming a call id of account A is therefore a fact about B's call, never about A's.
 */
@Component
class ProviderEventFacts {

    private final AccountDirectory directory;

    ProviderEventFacts(AccountDirectory directory) {
        this.directory = directory;
    }

    Optional<CallFact> factOf(ReceivedEvent<Object> event) {
        if (event.is(EventTypes.CALL_PLACED)) {
            return Optional.of(placed(event, event.as(EventTypes.CALL_PLACED).payload()));
        }
        if (event.is(EventTypes.CALL_STATUS_REPORTED)) {
            return Optional.of(statusReported(
                    event, event.as(EventTypes.CALL_STATUS_REPORTED).payload()));
        }
        if (event.is(EventTypes.INBOUND_CALL_RECEIVED)) {
            return Optional.of(
                    inbound(event, event.as(EventTypes.INBOUND_CALL_RECEIVED).payload()));
        }
        return Optional.empty();
    }

    /** Who answered a call, from an answering machine detection; empty for any other event. */
    Optional<AnsweringMachineFact> detectionOf(ReceivedEvent<Object> event) {
        if (!event.is(EventTypes.ANSWERING_MACHINE_DETECTED)) {
            return Optional.empty();
        }
        AnsweringMachineDetected detected =
                event.as(EventTypes.ANSWERING_MACHINE_DETECTED).payload();
        if (detected.answeredBy() == null || detected.answeredBy().isBlank()) {
            throw new RejectedEventException("event " + event.id() + " says nothing of who answered");
        }
        return Optional.of(new AnsweringMachineFact(
                key(event, detected.provider(), detected.accountId(), detected.callId()),
                detected.answeredBy(),
                time(event, detected.receivedAt())));
    }

    private static CallFact placed(ReceivedEvent<?> event, CallPlaced placed) {
        return new CallFact(
                key(event, placed.provider(), placed.accountId(), placed.callId()),
                CallStatus.QUEUED,
                time(event, placed.placedAt()),
                null,
                CallDirection.OUTBOUND,
                placed.from(),
                placed.to(),
                placed.assistantId(),
                placed.requestId(),
                null);
    }

    private static CallFact statusReported(ReceivedEvent<?> event, CallStatusReported reported) {
        if (reported.status() == null) {
            throw new RejectedEventException("event " + event.id() + " reports no call status");
        }
        Instant at = reported.occurredAt() != null ? reported.occurredAt() : time(event, reported.receivedAt());
        return new CallFact(
                key(event, reported.provider(), reported.accountId(), reported.callId()),
                reported.status(),
                at,
                reported.sequenceNumber(),
                reported.direction(),
                reported.from(),
                reported.to(),
                null,
                null,
                reported.durationSeconds());
    }

    private CallFact inbound(ReceivedEvent<?> event, InboundCallReceived inbound) {
        Optional<Route> route = directory.route(inbound.to(), inbound.accountId());
        String accountId = inbound.accountId() != null
                ? inbound.accountId()
                : route.map(Route::accountId).orElse(null);
        return new CallFact(
                key(event, inbound.provider(), accountId, inbound.callId()),
                CallStatus.RINGING,
                time(event, inbound.receivedAt()),
                null,
                CallDirection.INBOUND,
                inbound.from(),
                inbound.to(),
                route.map(r -> r.assistant().assistantId()).orElse(null),
                null,
                null);
    }

    /** The call the event is about; an event that does not name a whole call can never be applied. */
    private static CallKey key(ReceivedEvent<?> event, String provider, String accountId, String callId) {
        if (callId == null || callId.isBlank()) {
            throw new RejectedEventException("event " + event.id() + " (" + event.type() + ") has no callId");
        }
        try {
            return new CallKey(provider, accountId, callId);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException(
                    "event " + event.id() + " (" + event.type() + ") names no call: " + e.getMessage(), e);
        }
    }

    /** The payload's own time, else the envelope's; one of them is always set by our producers. */
    private static Instant time(ReceivedEvent<?> event, Instant payloadTime) {
        Instant at = payloadTime != null ? payloadTime : event.time();
        if (at == null) {
            throw new RejectedEventException("event " + event.id() + " carries no time");
        }
        return at;
    }
}
