package io.switchboard.calllog.call.messaging;

import io.switchboard.events.call.CallKey;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;

/** Verified events can still lack what the log needs; such a record can never be applied, so it is rejected. */
final class EventChecks {

    private EventChecks() {}

    static void require(boolean present, ReceivedEvent<?> event, String what) {
        if (!present) {
            throw new RejectedEventException("event " + event.id() + " (" + event.type() + ") has no " + what);
        }
    }

    /** The call the event is about (provider, account, provider call id); an event naming no whole call is rejected. */
    static CallKey callKey(ReceivedEvent<?> event, String provider, String accountId, String callId) {
        require(callId != null, event, "callId");
        try {
            return new CallKey(provider, accountId, callId);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException(
                    "event " + event.id() + " (" + event.type() + ") names no call: " + e.getMessage(), e);
        }
    }
}
