package io.switchboard.events.envelope;

import java.time.Instant;

/** A verified, decoded event as a consumer sees it. */
public record ReceivedEvent<T>(String id, String type, String subject, Instant time, T payload) {

    @SuppressWarnings("unchecked")
    public <P> ReceivedEvent<P> as(EventType<P> eventType) {
        if (!eventType.token().equals(type)) {
            throw new IllegalStateException("event " + id + " is " + type + ", not " + eventType.token());
        }
        return (ReceivedEvent<P>) this;
    }

    public boolean is(EventType<?> eventType) {
        return eventType.token().equals(type);
    }
}
