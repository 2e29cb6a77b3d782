package io.switchboard.billing.wallet.domain;

import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;

/**
 * Records a ledger entry (ledger.v1) together with the wallet state it leads to (wallets.v1), so that
 * a reader never sees one without the other. Failures surface as
 * {@link io.switchboard.events.kafka.PublishFailedException}.
 */
public interface LedgerPublisher {

    /** Joins the caller's Kafka transaction (the charging listener's), which commits them with the offset. */
    void publishCharge(CallCharged charged, WalletUpdated wallet);

    /** A placed call settled at no cost; joins the caller's Kafka transaction. No wallet changes. */
    void publishNotCharged(CallNotCharged notCharged);

    /**
     * With the top-up's audit entry (audit.v1), in a Kafka transaction of its own; committed when this
     * returns, else it throws and none of them is visible.
     */
    void publishTopUp(WalletToppedUp toppedUp, WalletUpdated wallet, AuditRecorded audit);
}
