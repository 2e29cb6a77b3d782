package io.switchboard.orchestrator.call.domain;

import java.util.Objects;

/** A call before and after one fact was applied; {@code before} is null when the fact created it. */
public record CallUpdate(Call before, Call after) {

    public boolean changed() {
        return !Objects.equals(before, after);
    }

    /** Only status changes are published: a filled-in field or timeline gap is not news. */
    public boolean statusChanged() {
        return before == null || before.status() != after.status();
    }
}
