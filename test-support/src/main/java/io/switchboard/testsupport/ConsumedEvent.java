package io.switchboard.testsupport;

import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.ReceivedEvent;

/** One verified event as a test read it from a topic: where it was and under which key. */
public record ConsumedEvent<T>(String key, int partition, long offset, ReceivedEvent<T> event) {

    public boolean is(EventType<?> type) {
        return event.is(type);
    }

    public <P> ConsumedEvent<P> as(EventType<P> type) {
        return new ConsumedEvent<>(key, partition, offset, event.as(type));
    }

    public T payload() {
        return event.payload();
    }
}
