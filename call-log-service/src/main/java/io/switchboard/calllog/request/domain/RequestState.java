package io.switchboard.calllog.request.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a request stands, ordered by how far along it is ({@code scheduled}, due later, comes first): a request only moves forward, so of the outcomes
 * heard, the furthest along is its state, whatever order they arrived in. {@code rejected} is past
 * {@code placed} (a request is rejected before it is placed, or instead of it), and {@code finished}, which only
 * a placed call reaches, is last.
 */
public enum RequestState {
    SCHEDULED,
    ACCEPTED,
    PLACED,
    REJECTED,
    FINISHED;

    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state an outcome's wire value names. */
    public static RequestState fromWire(String outcome) {
        return valueOf(outcome.toUpperCase(Locale.ROOT));
    }
}
