package io.switchboard.simulator.fault;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A misbehaviour of {@code POST …/Calls.json}, armed for the next {@code count} creates or, for a rate limit,
 * for a time window ({@code for}).
 *
 * @param kind       what goes wrong
 * @param count      how many creates it hits (default 1); ignored when {@code window} is set
 * @param window     rate-limit only: every create within this long from arming is refused
 * @param delay      slow-answer only: how long the created call's 201 is held back (default 30s)
 * @param httpStatus server-error only: the 5xx sent (default 500)
 */
public record CreateCallFault(Kind kind, int count, Duration window, Duration delay, int httpStatus) {

    /** What goes wrong with the create. */
    public enum Kind {
        /** The call is created and plays out, but its 201 comes only after {@code delay}: past a client's read timeout. */
        SLOW_ANSWER("slow-answer"),
        /** The call is created and plays out, but the connection is closed without any answer. */
        DROP_CONNECTION("drop-connection"),
        /** Nothing is created: 429 with Twilio's 20429 "Too Many Requests". */
        RATE_LIMIT("rate-limit"),
        /** The call is created and plays out, but the answer is a 5xx. */
        SERVER_ERROR("server-error");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        static Kind fromWire(String value) {
            for (Kind kind : values()) {
                if (kind.wire.equalsIgnoreCase(value) || kind.name().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "unknown kind '" + value + "', expected slow-answer|drop-connection|rate-limit|server-error");
        }
    }

    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

    public CreateCallFault {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (count < 1 && window == null) {
            throw new IllegalArgumentException("count must be 1 or more");
        }
        if (httpStatus < 500 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be a 5xx");
        }
        if (window != null && kind != Kind.RATE_LIMIT) {
            throw new IllegalArgumentException("a window ('for') applies to rate-limit only");
        }
    }

    @JsonCreator
    static CreateCallFault fromJson(
            @JsonProperty("kind") Kind kind,
            @JsonProperty("count") Integer count,
            @JsonProperty("for") Duration window,
            @JsonProperty("delay") Duration delay,
            @JsonProperty("httpStatus") Integer httpStatus) {
        return new CreateCallFault(
                kind,
                count == null ? 1 : count,
                window,
                delay == null ? DEFAULT_DELAY : delay,
                httpStatus == null ? 500 : httpStatus);
    }

    @JsonProperty("for")
    public Duration window() {
        return window;
    }
}
