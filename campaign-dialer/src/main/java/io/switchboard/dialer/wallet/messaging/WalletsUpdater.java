package io.switchboard.dialer.wallet.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.wallet.domain.WalletBalance;
import io.switchboard.dialer.wallet.domain.WalletBalances;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.FollowedSnapshots;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one wallets.v1 record to the balances. Only billing's signed WalletUpdated, filed under its own
 * account, counts: an unverifiable record is skipped and counted ({@link SkippedRecords}), a tombstone
 * (signed by nobody) and a lower version re-produced after a higher one are refused and counted
 * ({@link EventRefusals}), so a spent balance cannot be brought back by copying an old record.
 */
final class WalletsUpdater {

    private final FollowedSnapshots<WalletUpdated> snapshots;
    private final WalletBalances balances;

    WalletsUpdater(EventEnvelopes envelopes, WalletBalances balances, SkippedRecords skipped, EventRefusals refusals) {
        this.snapshots = new FollowedSnapshots<>(envelopes, skipped, refusals, EventTypes.WALLET_UPDATED);
        this.balances = balances;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        snapshots.apply(
                record,
                wallet -> wallet.accountId() != null
                        && wallet.accountId().equals(record.key())
                        && wallet.balance() != null,
                "a wallet state without a balance, or not filed under its account",
                wallet -> balances.offer(balanceOf(wallet)),
                wallet -> "version " + wallet.versionOrZero() + " of the wallet of " + wallet.accountId()
                        + " is older than the one read before it");
    }

    private static WalletBalance balanceOf(WalletUpdated wallet) {
        return new WalletBalance(
                wallet.accountId(),
                wallet.balance(),
                wallet.currency(),
                wallet.pricePerMinute(),
                wallet.versionOrZero());
    }
}
