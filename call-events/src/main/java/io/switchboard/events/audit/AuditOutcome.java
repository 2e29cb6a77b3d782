package io.switchboard.events.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an audited request ended. */
public enum AuditOutcome {
    /** The change committed, or the personal data was served. */
    SUCCEEDED("succeeded"),
    /**
     * Refused on account grounds by the service (another account's resource, an operator changing an
     * existing account): nothing changed and nothing was served. Requests refused earlier, for a missing
     * or bad token or a missing scope (401, 403 {@code insufficient_scope}), are not audited.
     */
    DENIED("denied");

    private final String wireValue;

    AuditOutcome(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    @JsonCreator
    public static AuditOutcome fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (AuditOutcome outcome : values()) {
            if (outcome.wireValue.equals(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("not an audit outcome: " + value);
    }
}
