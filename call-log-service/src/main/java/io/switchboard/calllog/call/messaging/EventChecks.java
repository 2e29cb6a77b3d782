package io.switchboard.calllog.call.messaging;

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
}
