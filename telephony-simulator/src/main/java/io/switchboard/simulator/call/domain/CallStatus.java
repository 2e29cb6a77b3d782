package io.switchboard.simulator.call.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Twilio's call statuses as they appear in callbacks; {@code initiated} exists only in callbacks. */
public enum CallStatus {
    QUEUED("queued"),
    INITIATED("initiated"),
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    BUSY("busy"),
    NO_ANSWER("no-answer"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean terminal() {
        return this == COMPLETED || this == BUSY || this == NO_ANSWER || this == FAILED || this == CANCELED;
    }

    /** The StatusCallbackEvent that subscribes to this status: terminal ones all travel as "completed". */
    public String callbackEvent() {
        return switch (this) {
            case QUEUED, INITIATED -> "initiated";
            case RINGING -> "ringing";
            case IN_PROGRESS -> "answered";
            default -> "completed";
        };
    }

    /** What the REST resource shows: Twilio keeps a call "queued" until it rings. */
    CallStatus resourceStatus() {
        return this == INITIATED ? QUEUED : this;
    }
}
