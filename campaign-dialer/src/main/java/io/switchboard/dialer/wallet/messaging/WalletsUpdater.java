package io.switchboard.dialer.wallet.messaging;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.wallet.domain.WalletBalance;
import io.switchboard.dialer.wallet.domain.WalletBalances;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.FollowedRecords;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one wallets.v1 record to the balances. Only billing's signed WalletUpdated, filed under its own
 * account, counts: an unverifiable record is skipped and counted ({@link SkippedRecords}), a tombstone
 * (signed by nobody) and a lower version re-produced after a higher one are refused and counted
 * ({@link EventRefusals}), so a spent balance cannot be brought back by copying an old record.
 */
final class WalletsUpdater {

    private final FollowedRecords records;
    private final WalletBalances balances;
    private final EventRefusals refusals;

    WalletsUpdater(EventEnvelopes envelopes, WalletBalances balances, SkippedRecords skipped, EventRefusals refusals) {
        this.records = new FollowedRecords(envelopes, skipped, refusals);
        this.balances = balances;
        this.refusals = refusals;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        Optional<ReceivedEvent<Object>> verified = records.verified(record);
        if (verified.isEmpty()) {
            return;
        }
        ReceivedEvent<Object> event = verified.get();
        if (!event.is(EventTypes.WALLET_UPDATED)) {
            return;
        }
        WalletUpdated wallet = event.as(EventTypes.WALLET_UPDATED).payload();
        if (wallet.accountId() == null || !wallet.accountId().equals(record.key()) || wallet.balance() == null) {
            records.skip(
                    record, "a wallet state without a balance, or not filed under its account " + wallet.accountId());
            return;
        }
        var state = new WalletBalance(
                wallet.accountId(),
                wallet.balance(),
                wallet.currency(),
                wallet.pricePerMinute(),
                wallet.versionOrZero());
        if (!balances.offer(state)) {
            refusals.refuse(
                    record,
                    event.id(),
                    new Refusal(
                            Refusal.STALE_SNAPSHOT,
                            "version " + state.version() + " of the wallet of " + state.accountId()
                                    + " is older than the one read before it"));
        }
    }
}
