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
     * A new status or a step added to the timeline is published; a filled-in field alone is not news
     * (it rides along with the next snapshot). Publishing every timeline change keeps call-states.v1,
     * and so the state rebuilt from it, equal to what this instance holds, and keeps an ended call's
     * last record a terminal snapshot with its whole history.
     */
    public boolean publishes() {
        return statusChanged() || !before.timeline().equals(after.timeline());
    }
}
