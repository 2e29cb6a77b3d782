package io.switchboard.events.call;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum CallDirection {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String wireValue;

    CallDirection(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** Twilio says {@code inbound}, {@code outbound-api} or {@code outbound-dial}. */
    @JsonCreator
    public static CallDirection fromWire(String value) {
        if (value == null) {
            return null;
        }
        return value.toLowerCase(java.util.Locale.ROOT).startsWith("outbound") ? OUTBOUND : INBOUND;
    }
}
