package io.switchboard.simulator.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Misbehaviours a real provider shows now and then, switched on so consumers can prove they cope.
 *
 * @param duplicate every status and recording callback is delivered twice, same idempotency token and params
 * @param reorder   the ringing callback is held back and delivered after the next one (normally in-progress)
 */
public record Faults(boolean duplicate, boolean reorder) {

    public static final Faults NONE = new Faults(false, false);

    /** A PUT may name just the fault it switches on; what it leaves out is off. */
    @JsonCreator
    static Faults fromJson(@JsonProperty("duplicate") Boolean duplicate, @JsonProperty("reorder") Boolean reorder) {
        return new Faults(Boolean.TRUE.equals(duplicate), Boolean.TRUE.equals(reorder));
    }
}
