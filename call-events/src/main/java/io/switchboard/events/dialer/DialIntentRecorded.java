package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The dialer's durable record of one request on {@code dialer-intents.v1}, compacted by account and
 * request id: {@link State#INTENDED} is committed before the provider is called, so that after a
 * crash the request is reconciled with the provider instead of dialed again; {@link State#PLACED} and
 * {@link State#REJECTED} settle it, and later copies of the request are duplicates.
 *
 * @param callId     the provider's call id, when placed
 * @param reason     why it was rejected
 * @param recordedAt when this state was decided
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
        Instant recordedAt) {

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
