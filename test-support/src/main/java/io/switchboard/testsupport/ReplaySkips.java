package io.switchboard.testsupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.topic.Topic;

/** What a test reads of {@code switchboard.replay.skipped}: records of a topic a replay passed over, per reason. */
public final class ReplaySkips {

    private ReplaySkips() {}

    /** 0 until the first such record was skipped: the counter is registered on first use. */
    public static double count(MeterRegistry meters, Topic topic, String reason) {
        Counter counter = meters.find("switchboard.replay.skipped")
                .tag("topic", topic.topicName())
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
