package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The dialer's durable record of one request on {@code dialer-intents.v1}, compacted by account and
 * request id: {@link State#INTENDED} is committed before the provider is called, so that after a
 * crash the request is reconciled with the provider instead of dialed again; {@link State#PLACED} and
 * {@link State#REJECTED} settle it, and later copies of the request are duplicates.
 *
 * @param callId      the provider's call id, when placed
 * @param reason      why it was rejected
 * @param recordedAt  when this state was decided
 * @param assistantId the assistant the request named, null for the caller id's; the orchestrator answers the
 *                    call with it when the callee picks up, which may come before the call is settled here
 * @param metadata    the request's context, passed to the assistant as stream parameters; empty when none
 */
public record DialIntentRecorded(
        String requestId,
        String accountId,
        String to,
        String from,
        State state,
        String provider,
        String callId,
        String reason,
        Instant recordedAt,
        String assistantId,
        Map<String, String> metadata) {

    public DialIntentRecorded {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Without the request's context: for a rejection that never reaches a call. */
    public DialIntentRecorded(
            String requestId,
            String accountId,
            String to,
            String from,
            State state,
            String provider,
            String callId,
            String reason,
            Instant recordedAt) {
        this(requestId, accountId, to, from, state, provider, callId, reason, recordedAt, null, Map.of());
    }

    public enum State {
        INTENDED,
        PLACED,
        REJECTED;

        /** Placed or rejected: a later copy of the request is a duplicate. */
        public boolean settles() {
            return this != INTENDED;
        }

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static State fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The compaction key: one record per request of an account (request ids are the publishers' own). */
    public static String key(String accountId, String requestId) {
        return accountId + "/" + requestId;
    }

    public String key() {
        return key(accountId, requestId);
    }
}
