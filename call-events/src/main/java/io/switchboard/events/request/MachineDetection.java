package io.switchboard.events.request;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A call request's answering machine detection: asked for, the provider detects who answers while the call
 * runs, and {@code onMachine} says what happens when it is a machine.
 *
 * @param message for {@link OnMachine#LEAVE_MESSAGE}: what is said after the beep, at most 1000 characters
 */
public record MachineDetection(OnMachine onMachine, String message) {

    public static final int MAX_MESSAGE = 1000;

    public enum OnMachine {
        /** End the call. */
        HANG_UP,
        /** Wait for the beep, say the request's message, and end the call. */
        LEAVE_MESSAGE,
        /** Leave the call with the assistant, as for a person. */
        CONNECT;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static OnMachine fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
