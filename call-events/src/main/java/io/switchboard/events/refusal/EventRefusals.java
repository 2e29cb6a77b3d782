package io.switchboard.events.refusal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that a consumer refused a verified event ({@link Refusal}): a WARN line naming the record,
 * the event and the reason, and the counter {@code switchboard.events.refused{topic,reason}}. The
 * caller then passes over the record; it is neither applied nor dead-lettered (re-driving it would be
 * refused again).
 */
public final class EventRefusals {

    public static final String METRIC = "switchboard.events.refused";

    private static final Logger log = LoggerFactory.getLogger(EventRefusals.class);

    private final MeterRegistry meters;

    public EventRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    public void refuse(ConsumerRecord<?, ?> record, String eventId, Refusal refusal) {
        refuse(record.topic(), record.partition(), record.offset(), eventId, refusal);
    }

    public void refuse(String topic, int partition, long offset, String eventId, Refusal refusal) {
        log.atWarn()
                .addKeyValue("reason", refusal.reason())
                .addKeyValue("eventId", eventId)
                .log(
                        "Refused event {} of {}-{}@{} ({}): {}",
                        eventId,
                        topic,
                        partition,
                        offset,
                        refusal.reason(),
                        refusal.detail());
        Counter.builder(METRIC)
                .description("Verified events a consumer refused to apply because the call or account they claim"
                        + " to be about does not match their payload")
                .tag("topic", topic)
                .tag("reason", refusal.reason())
                .register(meters)
                .increment();
    }
}
