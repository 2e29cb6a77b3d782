package io.switchboard.simulator.outcome;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who picks up an answered call, spelled as Twilio's AnsweredBy; reported only when machine detection is on. */
public enum AnsweredBy {
    HUMAN("human", 2_000),
    MACHINE_START("machine_start", 3_500),
    MACHINE_END_BEEP("machine_end_beep", 9_000),
    MACHINE_END_SILENCE("machine_end_silence", 9_000),
    MACHINE_END_OTHER("machine_end_other", 9_000),
    FAX("fax", 1_500),
    UNKNOWN("unknown", Integer.MAX_VALUE);

    private final String wire;
    private final int detectionMillis;

    AnsweredBy(String wire, int detectionMillis) {
        this.wire = wire;
        this.detectionMillis = detectionMillis;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * What Twilio reports for this party: {@code Enable} stops at the start of a machine's greeting
     * (machine_start), {@code DetectMessageEnd} waits for its end (machine_end_*, beep when not scripted).
     */
    public AnsweredBy reported(boolean waitForMessageEnd) {
        boolean machineEnd = this == MACHINE_END_BEEP || this == MACHINE_END_SILENCE || this == MACHINE_END_OTHER;
        if (!waitForMessageEnd && machineEnd) {
            return MACHINE_START;
        }
        if (waitForMessageEnd && this == MACHINE_START) {
            return MACHINE_END_BEEP;
        }
        return this;
    }

    /** MachineDetectionDuration in milliseconds: an undecided detection runs until MachineDetectionTimeout. */
    public int detectionMillis(int timeoutSeconds) {
        return (int) Math.min(detectionMillis, timeoutSeconds * 1000L);
    }

    @JsonCreator
    static AnsweredBy fromWire(String value) {
        for (AnsweredBy party : values()) {
            if (party.wire.equalsIgnoreCase(value) || party.name().equalsIgnoreCase(value)) {
                return party;
            }
        }
        throw new IllegalArgumentException("unknown answeredBy '" + value
                + "', expected human|machine_start|machine_end_beep|machine_end_silence|machine_end_other|fax|unknown");
    }
}
