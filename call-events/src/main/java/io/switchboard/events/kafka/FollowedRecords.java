package io.switchboard.events.kafka;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.refusal.EventRefusals;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the records of a topic a service follows whole ({@link TopicFollower}), where a bad record must not
 * stop the view: a tombstone is signed by nobody, so it is refused and counted ({@link EventRefusals},
 * {@code unsigned-tombstone}) and deletes nothing; a record that cannot be verified is skipped and counted
 * ({@link SkippedRecords}, {@code unverifiable}).
 */
public final class FollowedRecords {

    private final EventEnvelopes envelopes;
    private final SkippedRecords skipped;
    private final EventRefusals refusals;

    public FollowedRecords(EventEnvelopes envelopes, SkippedRecords skipped, EventRefusals refusals) {
        this.envelopes = envelopes;
        this.skipped = skipped;
        this.refusals = refusals;
    }

    /** The record's verified event; empty when it was refused or skipped, and counted. */
    public Optional<ReceivedEvent<Object>> verified(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return Optional.empty();
        }
        try {
            return Optional.of(envelopes.unwrap(record.value()));
        } catch (RejectedEventException e) {
            skip(record, e.getMessage());
            return Optional.empty();
        }
    }

    /** A verified record the view still cannot use (filed under another key, say): skipped and counted. */
    public void skip(ConsumerRecord<String, CloudEvent> record, String detail) {
        skipped.skip(record.topic(), record.partition(), record.offset(), SkippedRecords.UNVERIFIABLE, detail);
    }
}
