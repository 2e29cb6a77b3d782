package io.switchboard.dialer.donotcall.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.donotcall.domain.DoNotCallList;
import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.FollowedSnapshots;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one do-not-call.v1 record to the list. Only the dialer's own signed change, filed under its
 * {@code accountId/number} with a normalized number, counts: an unverifiable record is skipped and counted,
 * a tombstone and an older change re-produced later are refused and counted.
 */
final class DoNotCallUpdater {

    private final FollowedSnapshots<DoNotCallChanged> snapshots;
    private final DoNotCallList list;

    DoNotCallUpdater(EventEnvelopes envelopes, DoNotCallList list, SkippedRecords skipped, EventRefusals refusals) {
        this.snapshots = new FollowedSnapshots<>(envelopes, skipped, refusals, EventTypes.DO_NOT_CALL_CHANGED);
        this.list = list;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        snapshots.apply(
                record,
                change -> change.accountId() != null
                        && change.changedAt() != null
                        && PhoneNumbers.normalized(change.number())
                                .map(change.number()::equals)
                                .orElse(false)
                        && DoNotCallChanged.key(change.accountId(), change.number())
                                .equals(record.key()),
                "a do-not-call change without an account, a time or a normalized number, or not filed under "
                        + "its accountId/number",
                list::apply,
                change -> "the change of " + change.changedAt() + " is older than the one read before it");
    }
}
