package io.switchboard.events.call;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A call's status, spelled on the wire as Twilio spells {@code CallStatus}. */
public enum CallStatus {
    QUEUED("queued", 0),
    INITIATED("initiated", 1),
    RINGING("ringing", 2),
    IN_PROGRESS("in-progress", 3),
    COMPLETED("completed", 4),
    BUSY("busy", 4),
    NO_ANSWER("no-answer", 4),
    FAILED("failed", 4),
    CANCELED("canceled", 4);

    private final String wireValue;
    private final int progress;

    CallStatus(String wireValue, int progress) {
        this.wireValue = wireValue;
        this.progress = progress;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** How far along a call is; a status may only replace one of lower progress. */
    public int progress() {
        return progress;
    }

    public boolean isTerminal() {
        return progress == COMPLETED.progress;
    }

    @JsonCreator
    public static CallStatus fromWire(String value) {
        for (CallStatus status : values()) {
            if (status.wireValue.equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown call status: " + value);
    }
}
