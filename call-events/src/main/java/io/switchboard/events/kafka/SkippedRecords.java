package io.switchboard.events.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record skipped while a service rebuilds its view of a topic, because it cannot be decoded or
 * verified: logged at ERROR and counted as {@code switchboard.replay.skipped{topic,reason}}. One bad
 * record must not keep a service from starting; the live listener has dead-lettered it already.
 */
public final class SkippedRecords {

    public static final String UNDECODABLE = "undecodable";
    public static final String UNVERIFIABLE = "unverifiable";

    private static final Logger log = LoggerFactory.getLogger(SkippedRecords.class);

    private final MeterRegistry meters;

    public SkippedRecords(MeterRegistry meters) {
        this.meters = meters;
    }

    public void skip(String topic, int partition, long offset, String reason, String detail) {
        log.error("Skipping {} record {}-{}@{} while replaying: {}", reason, topic, partition, offset, detail);
        Counter.builder("switchboard.replay.skipped")
                .description("Records skipped while replaying a topic, because they could not be decoded or verified")
                .tag("topic", topic)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
