package io.switchboard.testsupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;

/** What a test reads of {@code switchboard.events.refused}: records of a topic a consumer refused, per reason. */
public final class RefusedEvents {

    private RefusedEvents() {}

    /** 0 until the first such record was refused: the counter is registered on first use. */
    public static double count(MeterRegistry meters, Topic topic, String reason) {
        Counter counter = meters.find(EventRefusals.METRIC)
                .tag("topic", topic.topicName())
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
