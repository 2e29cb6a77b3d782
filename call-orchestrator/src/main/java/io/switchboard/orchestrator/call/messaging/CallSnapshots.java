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
     * is named by its key, so two accounts' calls with one provider call id never share an id. Who answered is
     * learnt once and never changes, so naming it tells apart the snapshot that recorded it from the one before
     * with the same status and timeline; a call without it keeps the ids it had before it travelled.
     */
    static String eventId(Call call) {
        String key = call.key().canonical();
        String status = call.status().wireValue();
        String steps = Integer.toString(call.timeline().size());
        return call.answeredBy() == null
                ? EventIds.of("call-state", key, status, steps)
                : EventIds.of("call-state", key, status, steps, "answered-by", call.answeredBy());
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
                call.changedAt(),
                call.answeredBy());
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
                snapshot.changedAt(),
                snapshot.answeredBy());
    }
}
