package io.switchboard.orchestrator.call.messaging;

import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.orchestrator.call.domain.Call;

/** A call as the snapshot published on call-states.v1, and back when rebuilding from it. */
final class CallSnapshots {

    private CallSnapshots() {}

    /**
     * The same snapshot always gets the same id, so a record redelivered after a rollback publishes it
     * again under its id. A status is never reached twice and a call's timeline only grows, so status
     * and timeline length tell apart a snapshot corrected by a late step from the earlier one.
     */
    static String eventId(Call call) {
        return EventIds.of(
                "call-state",
                call.callId(),
                call.status().wireValue(),
                Integer.toString(call.timeline().size()));
    }

    static CallStateChanged toEvent(Call call) {
        return new CallStateChanged(
                call.callId(),
                call.accountId(),
                call.provider(),
                call.direction(),
                call.from(),
                call.to(),
                call.assistantId(),
                call.requestId(),
                call.status(),
                call.previousStatus(),
                call.durationSeconds(),
                call.timeline(),
                call.changedAt());
    }

    static Call toCall(CallStateChanged snapshot) {
        return new Call(
                snapshot.callId(),
                snapshot.accountId(),
                snapshot.provider(),
                snapshot.direction(),
                snapshot.from(),
                snapshot.to(),
                snapshot.assistantId(),
                snapshot.requestId(),
                snapshot.status(),
                snapshot.previousStatus(),
                snapshot.durationSeconds(),
                snapshot.timeline(),
                snapshot.changedAt());
    }
}
