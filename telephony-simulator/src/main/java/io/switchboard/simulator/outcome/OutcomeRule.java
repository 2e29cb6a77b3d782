package io.switchboard.simulator.outcome;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Scripts the calls whose number matches {@code pattern} (a Java regex, matched in full).
 *
 * @param pattern         matched against the destination (outbound) or the called number (inbound)
 * @param outcome         how the call ends
 * @param durationSeconds talk time reported when the call completes; ignored for other outcomes
 * @param answeredBy      who picks up a completed call, reported when machine detection is asked for
 *                        (default human)
 */
public record OutcomeRule(String pattern, CallOutcome outcome, int durationSeconds, AnsweredBy answeredBy) {

    /** Validating here covers both configuration binding and the runtime PUT. */
    public OutcomeRule {
        Objects.requireNonNull(pattern, "pattern is required");
        Objects.requireNonNull(outcome, "outcome is required");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must not be negative");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException ex) {
            throw new IllegalArgumentException("pattern is not a valid regex: " + ex.getDescription(), ex);
        }
        answeredBy = answeredBy == null ? AnsweredBy.HUMAN : answeredBy;
    }

    /** Rules that do not complete need no duration, so a PUT may leave it out. */
    @JsonCreator
    static OutcomeRule fromJson(
            @JsonProperty("pattern") String pattern,
            @JsonProperty("outcome") CallOutcome outcome,
            @JsonProperty("durationSeconds") @JsonAlias("duration-seconds") Integer durationSeconds,
            @JsonProperty("answeredBy") @JsonAlias("answered-by") AnsweredBy answeredBy) {
        return new OutcomeRule(pattern, outcome, durationSeconds == null ? 0 : durationSeconds, answeredBy);
    }

    @JsonIgnore
    boolean matches(String number) {
        return number != null && Pattern.matches(pattern, number);
    }
}
