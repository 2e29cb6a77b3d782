package io.switchboard.simulator.call.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Twilio's Direction values for the two kinds of call the simulator makes. */
public enum CallDirection {
    OUTBOUND_API("outbound-api"),
    INBOUND("inbound");

    private final String wire;

    CallDirection(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
