package io.switchboard.events.kafka;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies the records of a compacted snapshot topic a service follows whole to its view: only a verified event of
 * the snapshot's type, well formed and filed under its own key, is offered; a malformed one is skipped and counted,
 * and one the view does not take because it is older than what it holds is refused and counted
 * ({@link Refusal#STALE_SNAPSHOT}), so that copying an old record cannot undo a newer one.
 *
 * @param <T> the snapshot's payload
 */
public final class FollowedSnapshots<T> {

    private final FollowedRecords records;
    private final EventRefusals refusals;
    private final EventType<T> type;

    /**
     * @param type    the snapshot's event type; records of other types on the topic are passed over
     */
    public FollowedSnapshots(
            EventEnvelopes envelopes, SkippedRecords skipped, EventRefusals refusals, EventType<T> type) {
        this.records = new FollowedRecords(envelopes, skipped, refusals);
        this.refusals = refusals;
        this.type = type;
    }

    /**
     * Offers {@code record}'s snapshot to the view.
     *
     * @param filedRight whether the payload is well formed and filed under the record's key
     * @param malformed  what a record that is not must have been, for the count of skipped records
     * @param offer      applies the snapshot to the view; false when it is older than what the view holds
     * @param stale      why a snapshot the view did not take was refused
     */
    public void apply(
            ConsumerRecord<String, CloudEvent> record,
            Predicate<T> filedRight,
            String malformed,
            Predicate<T> offer,
            Function<T, String> stale) {
        Optional<ReceivedEvent<Object>> verified = records.verified(record);
        if (verified.isEmpty() || !verified.get().is(type)) {
            return;
        }
        ReceivedEvent<Object> event = verified.get();
        T snapshot = event.as(type).payload();
        if (!filedRight.test(snapshot)) {
            records.skip(record, malformed);
            return;
        }
        if (!offer.test(snapshot)) {
            refusals.refuse(record, event.id(), new Refusal(Refusal.STALE_SNAPSHOT, stale.apply(snapshot)));
        }
    }
}
