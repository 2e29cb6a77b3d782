package io.switchboard.dialer.donotcall.messaging;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.donotcall.domain.DoNotCallList;
import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.FollowedRecords;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one do-not-call.v1 record to the list. Only the dialer's own signed change, filed under its
 * {@code accountId/number} with a normalized number, counts: an unverifiable record is skipped and counted,
 * a tombstone and an older change re-produced later are refused and counted.
 */
final class DoNotCallUpdater {

    private final FollowedRecords records;
    private final DoNotCallList list;
    private final EventRefusals refusals;

    DoNotCallUpdater(EventEnvelopes envelopes, DoNotCallList list, SkippedRecords skipped, EventRefusals refusals) {
        this.records = new FollowedRecords(envelopes, skipped, refusals);
        this.list = list;
        this.refusals = refusals;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        Optional<ReceivedEvent<Object>> verified = records.verified(record);
        if (verified.isEmpty()) {
            return;
        }
        ReceivedEvent<Object> event = verified.get();
        if (!event.is(EventTypes.DO_NOT_CALL_CHANGED)) {
            return;
        }
        DoNotCallChanged change = event.as(EventTypes.DO_NOT_CALL_CHANGED).payload();
        if (change.accountId() == null
                || change.changedAt() == null
                || !PhoneNumbers.normalized(change.number())
                        .map(change.number()::equals)
                        .orElse(false)
                || !DoNotCallChanged.key(change.accountId(), change.number()).equals(record.key())) {
            records.skip(
                    record,
                    "a do-not-call change without an account, a time or a normalized number, or not filed under "
                            + "its accountId/number");
            return;
        }
        if (!list.apply(change)) {
            refusals.refuse(
                    record,
                    event.id(),
                    new Refusal(
                            Refusal.STALE_SNAPSHOT,
                            "the change of " + change.changedAt() + " is older than the one read before it"));
        }
    }
}
