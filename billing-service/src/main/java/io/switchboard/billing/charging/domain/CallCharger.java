package io.switchboard.billing.charging.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.billing.rating.domain.CallRater;
import io.switchboard.billing.rating.domain.Rating;
import io.switchboard.billing.wallet.domain.LedgerPublisher;
import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.WalletReloader;
import io.switchboard.billing.wallet.domain.WalletWriteLock;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.transaction.TransactionEffects;
import io.switchboard.events.transaction.TransactionOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges a completed call once. Inside the listener's Kafka transaction it publishes the ledger entry
 * and the new wallet state; the debit reaches the in-memory wallets only after that transaction (with
 * the consumed offset) commits. A rollback therefore leaves memory untouched and the redelivered record
 * is charged afresh, and a committed charge is in memory before the next record, which then sees the
 * call as charged. The write lock is held from reading the balance until the transaction completes.
 */
@Component
public class CallCharger {

    private static final Logger log = LoggerFactory.getLogger(CallCharger.class);

    private final CallRater rater;
    private final Wallets wallets;
    private final WalletWriteLock writeLock;
    private final WalletReloader reloader;
    private final LedgerPublisher publisher;
    private final ChargeMetrics metrics;
    private final TransactionEffects transaction;
    private final Clock clock;

    CallCharger(
            CallRater rater,
            Wallets wallets,
            WalletWriteLock writeLock,
            WalletReloader reloader,
            LedgerPublisher publisher,
            ChargeMetrics metrics,
            TransactionEffects transaction,
            Clock clock) {
        this.rater = rater;
        this.wallets = wallets;
        this.writeLock = writeLock;
        this.reloader = reloader;
        this.publisher = publisher;
        this.metrics = metrics;
        this.transaction = transaction;
        this.clock = clock;
    }

    public void charge(CallStateChanged call) {
        Optional<Rating> rating = rater.rate(call);
        if (rating.isEmpty()) {
            metrics.notBillable();
            return;
        }
        writeLock.lock();
        boolean unlockOnCompletion = false;
        try {
            reloader.reloadIfStale();
            if (wallets.isCharged(call.callId())) {
                metrics.skippedDuplicate();
                log.debug("Call {} is already charged", call.callId());
                return;
            }
            Rating rated = rating.get();
            Wallet after = wallets.walletOf(call.accountId(), rated.currency()).debit(rated.amount(), rated.currency());
            // Registered before anything is published: the lock is released however the transaction ends.
            transaction.afterCompletion(outcome -> completed(call.callId(), outcome));
            unlockOnCompletion = true;
            transaction.afterCommit(() -> applied(call.callId(), rated.amount(), after));
            publish(call, rated, after);
        } finally {
            if (!unlockOnCompletion) {
                writeLock.unlock();
            }
        }
    }

    private void applied(String callId, BigDecimal amount, Wallet after) {
        wallets.applyCharge(callId, after);
        metrics.charged(amount);
        log.info(
                "Charged call {} {} {}; balance of {} now {}",
                callId,
                amount.toPlainString(),
                after.currency(),
                after.accountId(),
                after.balance().toPlainString());
    }

    /** Always releases the lock; an unknown commit outcome means the wallets must be re-read before the next write. */
    private void completed(String callId, TransactionOutcome outcome) {
        try {
            if (outcome == TransactionOutcome.UNKNOWN) {
                log.warn("Charge of call {} ended with an unknown commit outcome; wallets will be rebuilt", callId);
                wallets.markStale();
            } else if (outcome == TransactionOutcome.ROLLED_BACK) {
                log.info("Charge of call {} rolled back; nothing applied, the record will be retried", callId);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void publish(CallStateChanged call, Rating rating, Wallet after) {
        Instant now = clock.instant();
        publisher.publishCharge(
                new CallCharged(
                        call.accountId(),
                        call.callId(),
                        rating.durationSeconds(),
                        rating.billedMinutes(),
                        rating.pricePerMinute(),
                        rating.amount(),
                        rating.currency(),
                        after.balance(),
                        now),
                new WalletUpdated(after.accountId(), after.balance(), after.currency(), now));
    }
}
