package io.switchboard.events.refusal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that a consumer refused a record ({@link Refusal}): a WARN line naming the record, the
 * event and the reason, and the counter {@code switchboard.events.refused{topic,reason}}. The caller
 * then passes over the record; it is neither applied nor dead-lettered (re-driving it would be refused
 * again).
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

    /**
     * Refuses a record without a value (a tombstone): unsigned, it deletes nothing. Call first thing
     * in a listener of signed events, and pass over the record when this answers true.
     *
     * @return whether the record was a tombstone, now refused
     */
    public boolean refuseTombstone(ConsumerRecord<?, ?> record) {
        if (record.value() != null) {
            return false;
        }
        refuseTombstone(record.topic(), record.partition(), record.offset(), record.key());
        return true;
    }

    /** As {@link #refuseTombstone(ConsumerRecord)}, for a record read apart from a listener (a replay). */
    public void refuseTombstone(String topic, int partition, long offset, Object tombstoneKey) {
        refuse(
                topic,
                partition,
                offset,
                null,
                new Refusal(
                        Refusal.UNSIGNED_TOMBSTONE,
                        "a record without a value under key " + tombstoneKey
                                + " is signed by nobody and deletes nothing"));
    }

    /** @param eventId the refused event's id, or null for a record that holds no event (a tombstone) */
    public void refuse(String topic, int partition, long offset, String eventId, Refusal refusal) {
        log.atWarn()
                .addKeyValue("reason", refusal.reason())
                .addKeyValue("eventId", eventId)
                .log(
                        "Refused {} of {}-{}@{} ({}): {}",
                        eventId == null ? "a record" : "event " + eventId,
                        topic,
                        partition,
                        offset,
                        refusal.reason(),
                        refusal.detail());
        Counter.builder(METRIC)
                .description("Records a consumer refused to apply: an event whose key or subject does not match"
                        + " its payload, an unsigned tombstone, a snapshot older than one applied")
                .tag("topic", topic)
                .tag("reason", refusal.reason())
                .register(meters)
                .increment();
    }
}
