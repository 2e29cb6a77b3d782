package io.switchboard.simulator.outcome;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a simulated call ends, spelled as Twilio spells the final CallStatus. */
public enum CallOutcome {
    COMPLETED("completed"),
    BUSY("busy"),
    NO_ANSWER("no-answer"),
    FAILED("failed");

    private final String wire;

    CallOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    static CallOutcome fromWire(String value) {
        for (CallOutcome outcome : values()) {
            if (outcome.wire.equalsIgnoreCase(value) || outcome.name().equalsIgnoreCase(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + value + "', expected completed|busy|no-answer|failed");
    }
}
