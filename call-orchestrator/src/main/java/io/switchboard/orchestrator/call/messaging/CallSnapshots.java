package io.switchboard.orchestrator.call.messaging;

import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.orchestrator.call.domain.Call;

/** A call as the snapshot published on call-states.v1, and back when rebuilding from it. */
final class CallSnapshots {

    private CallSnapshots() {}

    /**
     * The same snapshot always gets the same id, so a record redelivered after a rollback publishes it
     * again under its id. A status is never reached twice and a call's timeline only grows, so status
     * and timeline length tell apart a snapshot corrected by a late step from the earlier one. The call
     * is named by its key, so two accounts' calls with one provider call id never share an id.
     */
    static String eventId(Call call) {
        return EventIds.of(
                "call-state",
                call.key().canonical(),
                call.status().wireValue(),
                Integer.toString(call.timeline().size()));
    }

    static CallStateChanged toEvent(Call call) {
        return new CallStateChanged(
                call.providerCallId(),
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

    /** Throws {@link IllegalArgumentException} if the snapshot lacks part of its call's key. */
    static Call toCall(CallStateChanged snapshot) {
        return new Call(
                CallKey.of(snapshot),
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
