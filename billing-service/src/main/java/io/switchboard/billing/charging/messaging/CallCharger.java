package io.switchboard.billing.charging.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.billing.metrics.BillingMetrics;
import io.switchboard.billing.rating.domain.CallRater;
import io.switchboard.billing.rating.domain.Rating;
import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.WalletWriteLock;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.billing.wallet.messaging.LedgerPublisher;
import io.switchboard.billing.wallet.messaging.WalletStateLoader;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Charges a completed call once. Inside the listener's Kafka transaction it publishes the ledger entry
 * and the new wallet state; the debit reaches the in-memory wallets only after that transaction (with
 * the consumed offset) commits. A rollback therefore leaves memory untouched and the redelivered record
 * is charged afresh, and a committed charge is in memory before the next record, which then sees the
 * call as charged. The write lock is held from reading the balance until the transaction completes.
 */
@Component
class CallCharger {

    private static final Logger log = LoggerFactory.getLogger(CallCharger.class);

    private final CallRater rater;
    private final Wallets wallets;
    private final WalletWriteLock writeLock;
    private final WalletStateLoader loader;
    private final LedgerPublisher publisher;
    private final BillingMetrics metrics;
    private final Clock clock;

    CallCharger(CallRater rater, Wallets wallets, WalletWriteLock writeLock, WalletStateLoader loader,
            LedgerPublisher publisher, BillingMetrics metrics, Clock clock) {
        this.rater = rater;
        this.wallets = wallets;
        this.writeLock = writeLock;
        this.loader = loader;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    void charge(CallStateChanged call) {
        Optional<Rating> rating = rater.rate(call);
        if (rating.isEmpty()) {
            metrics.notBillable();
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Without a synchronized Kafka transaction a debit could be applied and then rolled back.
            throw new IllegalStateException("charging needs a Kafka transaction with synchronization");
        }
        writeLock.lock();
        boolean unlockOnCompletion = false;
        try {
            loader.reloadIfStale();
            if (wallets.isCharged(call.callId())) {
                metrics.skippedDuplicate();
                log.debug("Call {} is already charged", call.callId());
                return;
            }
            Wallet after = debit(call, rating.get());
            TransactionSynchronizationManager.registerSynchronization(
                    new ChargeCompletion(call.callId(), rating.get().amount(), after, wallets, writeLock, metrics));
            unlockOnCompletion = true;
        } finally {
            if (!unlockOnCompletion) {
                writeLock.unlock();
            }
        }
    }

    private Wallet debit(CallStateChanged call, Rating rating) {
        Wallet after = wallets.walletOf(call.accountId(), rating.currency()).debit(rating.amount(), rating.currency());
        Instant now = clock.instant();
        publisher.publishCharge(
                new CallCharged(call.accountId(), call.callId(), rating.durationSeconds(), rating.billedMinutes(),
                        rating.pricePerMinute(), rating.amount(), rating.currency(), after.balance(), now),
                new WalletUpdated(after.accountId(), after.balance(), after.currency(), now));
        return after;
    }
}
