package io.switchboard.billing.charging.messaging;

import java.math.BigDecimal;

import io.switchboard.billing.metrics.BillingMetrics;
import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.WalletWriteLock;
import io.switchboard.billing.wallet.domain.Wallets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Finishes a charge when the listener's Kafka transaction ends: applies the debit only on commit,
 * marks the wallets stale when the outcome is unknown (a commit that failed in a way that may have
 * committed), and always releases the write lock.
 */
final class ChargeCompletion implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(ChargeCompletion.class);

    private final String callId;
    private final BigDecimal amount;
    private final Wallet after;
    private final Wallets wallets;
    private final WalletWriteLock writeLock;
    private final BillingMetrics metrics;

    ChargeCompletion(String callId, BigDecimal amount, Wallet after, Wallets wallets, WalletWriteLock writeLock,
            BillingMetrics metrics) {
        this.callId = callId;
        this.amount = amount;
        this.after = after;
        this.wallets = wallets;
        this.writeLock = writeLock;
        this.metrics = metrics;
    }

    @Override
    public void afterCommit() {
        wallets.applyCharge(callId, after);
        metrics.charged(amount);
        log.info("Charged call {} {} {}; balance of {} now {}", callId, amount.toPlainString(), after.currency(),
                after.accountId(), after.balance().toPlainString());
    }

    @Override
    public void afterCompletion(int status) {
        try {
            if (status == STATUS_UNKNOWN) {
                log.warn("Charge of call {} ended with an unknown commit outcome; wallets will be rebuilt", callId);
                wallets.markStale();
            } else if (status == STATUS_ROLLED_BACK) {
                log.info("Charge of call {} rolled back; nothing applied, the record is retried or dead-lettered", callId);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
