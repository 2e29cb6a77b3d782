package io.switchboard.orchestrator.call.domain;

import java.util.Objects;

/** A call before and after one fact was applied; {@code before} is null when the fact created it. */
public record CallUpdate(Call before, Call after) {

    public boolean changed() {
        return !Objects.equals(before, after);
    }

    public boolean statusChanged() {
        return before == null || before.status() != after.status();
    }

    /**
     * A new status, a step added to the timeline or who answered is published; another filled-in field
     * alone is not news (it rides along with the next snapshot). Publishing every timeline change keeps
     * call-states.v1, and so the state rebuilt from it, equal to what this instance holds, and keeps an ended
     * call's last record a terminal snapshot with its whole history. Who answered is all a detection brings,
     * and it often comes after the call's last status (detection can take longer than a short call): left
     * to ride along, it would never reach a reader.
     */
    public boolean publishes() {
        return statusChanged()
                || !before.timeline().equals(after.timeline())
                || !Objects.equals(before.answeredBy(), after.answeredBy());
    }

    /**
     * Whether this is the first snapshot of a call placed for a request that shows it ended: its request
     * has then finished. Terminal statuses are absorbing, so that happens once per call: when a terminal
     * status reaches a call that knows its request, or when the request (the dialer's {@code CallPlaced},
     * which always adds the {@code queued} step, so it is published) reaches a call that already ended. A
     * duplicate, a corrected terminal snapshot or a later terminal status finds the call already ended with
     * its request, and finishes nothing again.
     */
    public boolean finishesRequest() {
        return publishes() && endedWithRequest(after) && (before == null || !endedWithRequest(before));
    }

    private static boolean endedWithRequest(Call call) {
        return call.isTerminal() && call.requestId() != null;
    }
}
