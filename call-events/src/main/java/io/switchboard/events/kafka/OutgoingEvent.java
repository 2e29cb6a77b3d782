package io.switchboard.events.kafka;

import java.time.Instant;

import io.switchboard.events.envelope.EventType;

/** An event about to be published: its deterministic id, its subject (the call id) and data. */
public record OutgoingEvent<T>(EventType<T> type, String id, String subject, Instant time, T payload) {

    public static <T> OutgoingEvent<T> of(EventType<T> type, String id, String subject, Instant time, T payload) {
        return new OutgoingEvent<>(type, id, subject, time, payload);
    }
}
