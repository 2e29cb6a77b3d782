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
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
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
 *
 * <p>A call is its {@link CallKey}: the snapshot's provider, account and provider call id. It is charged
 * once, to the wallet of its own account; another account's call with the same provider call id is
 * another call, and neither charge can stand for, or be skipped for, the other.
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
            settleWithoutCharge(call);
            return;
        }
        // The rater refused a completed call that lacks part of its key, so this one names a whole call.
        CallKey key = CallKey.of(call);
        writeLock.lock();
        boolean unlockOnCompletion = false;
        try {
            reloader.reloadIfStale();
            if (wallets.isCharged(key)) {
                metrics.skippedDuplicate();
                log.debug("Call {} is already charged", key);
                return;
            }
            Rating rated = rating.get();
            Wallet after = wallets.walletOf(key.accountId(), rated.currency()).debit(rated.amount(), rated.currency());
            // Registered before anything is published: the lock is released however the transaction ends.
            transaction.afterCompletion(outcome -> completed(key, outcome));
            unlockOnCompletion = true;
            transaction.afterCommit(() -> applied(key, rated.amount(), after));
            publish(key, call, rated, after);
        } finally {
            if (!unlockOnCompletion) {
                writeLock.unlock();
            }
        }
    }

    /**
     * A call placed from a request holds part of its wallet at the dialer until billing has settled it: one
     * that ends without a charge is settled at no cost, in this listener's transaction. A repeated terminal
     * state publishes the same fact again (same event id), which the dialer applies once.
     */
    private void settleWithoutCharge(CallStateChanged call) {
        if (call.requestId() == null || call.status() == null || !call.status().isTerminal()) {
            return;
        }
        CallKey key = CallKey.of(call);
        String reason = call.status() == CallStatus.COMPLETED
                ? "answered for 0 seconds"
                : call.status().wireValue() + " calls are not charged";
        publisher.publishNotCharged(new CallNotCharged(
                key.provider(),
                key.accountId(),
                key.providerCallId(),
                call.requestId(),
                call.status().wireValue(),
                reason,
                clock.instant()));
        log.debug("Call {} of request {} ended {} without a charge", key, call.requestId(), call.status());
    }

    private void applied(CallKey key, BigDecimal amount, Wallet after) {
        wallets.applyCharge(key, after);
        metrics.charged(amount);
        log.info(
                "Charged call {} {} {}; balance of {} now {}",
                key,
                amount.toPlainString(),
                after.currency(),
                after.accountId(),
                after.balance().toPlainString());
    }

    /** Always releases the lock; an unknown commit outcome means the wallets must be re-read before the next write. */
    private void completed(CallKey key, TransactionOutcome outcome) {
        try {
            if (outcome == TransactionOutcome.UNKNOWN) {
                log.warn("Charge of call {} ended with an unknown commit outcome; wallets will be rebuilt", key);
                wallets.markStale();
            } else if (outcome == TransactionOutcome.ROLLED_BACK) {
                log.info("Charge of call {} rolled back; nothing applied, the record will be retried", key);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void publish(CallKey key, CallStateChanged call, Rating rating, Wallet after) {
        Instant now = clock.instant();
        publisher.publishCharge(
                new CallCharged(
                        key.provider(),
                        key.accountId(),
                        key.providerCallId(),
                        rating.durationSeconds(),
                        rating.billedMinutes(),
                        rating.pricePerMinute(),
                        rating.amount(),
                        rating.currency(),
                        after.balance(),
                        now,
                        call.requestId(),
                        after.version()),
                new WalletUpdated(
                        after.accountId(),
                        after.balance(),
                        after.currency(),
                        now,
                        after.version(),
                        rating.pricePerMinute()));
    }
}
