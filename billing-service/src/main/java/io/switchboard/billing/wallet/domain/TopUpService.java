package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.switchboard.billing.config.BillingProperties;
import io.switchboard.events.audit.AuditAction;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Credits a wallet once per top-up id: publishes {@code WalletToppedUp}, the new {@code WalletUpdated}
 * and the top-up's audit entry in one Kafka transaction, waits for the commit, then applies the credit
 * here. A top-up id already applied publishes nothing, so each credit has exactly one audit entry.
 * Blocking: call it off the event loop.
 */
@Service
public class TopUpService {

    private final Wallets wallets;
    private final WalletWriteLock writeLock;
    private final WalletReloader reloader;
    private final LedgerPublisher publisher;
    private final WalletMetrics metrics;
    private final AuditTrail audit;
    private final Clock clock;
    private final Currency currency;
    private final BigDecimal maxTopUp;
    private final BigDecimal pricePerMinute;

    TopUpService(
            Wallets wallets,
            WalletWriteLock writeLock,
            WalletReloader reloader,
            LedgerPublisher publisher,
            WalletMetrics metrics,
            AuditTrail audit,
            Clock clock,
            BillingProperties properties) {
        this.wallets = wallets;
        this.writeLock = writeLock;
        this.reloader = reloader;
        this.publisher = publisher;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
        this.currency = Currency.getInstance(properties.currency());
        this.maxTopUp = properties.maxTopUp();
        this.pricePerMinute = properties.pricePerMinute();
    }

    /**
     * The wallet after the top-up; for a top-up id already applied, the wallet as it is now. The caller
     * has been allowed to top up this wallet; the credit is audited as theirs.
     */
    public Wallet topUp(TopUp topUp, Caller caller) {
        validate(topUp);
        writeLock.lock();
        try {
            reloader.reloadIfStale();
            Optional<BigDecimal> applied = wallets.topUpAmount(topUp.accountId(), topUp.topUpId());
            if (applied.isPresent()) {
                return alreadyApplied(topUp, applied.get());
            }
            Wallet after =
                    wallets.walletOf(topUp.accountId(), topUp.currency()).credit(topUp.amount(), topUp.currency());
            Instant now = clock.instant();
            try {
                publisher.publishTopUp(
                        new WalletToppedUp(
                                topUp.accountId(),
                                topUp.topUpId(),
                                topUp.amount(),
                                topUp.currency(),
                                after.balance(),
                                now),
                        new WalletUpdated(
                                after.accountId(),
                                after.balance(),
                                after.currency(),
                                now,
                                after.version(),
                                pricePerMinute),
                        audited(topUp, after, caller, now));
            } catch (PublishFailedException e) {
                // A failed commit may still have committed (a timeout): re-read the topics before the next write.
                wallets.markStale();
                throw e;
            }
            wallets.applyTopUp(topUp.topUpId(), topUp.amount(), after);
            metrics.toppedUp(topUp.amount());
            return after;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Audits a top-up the caller was refused (another account's wallet); throws {@link PublishFailedException}
     * if the entry could not be stored, and the request must then not be answered as if it had been audited.
     */
    public void recordDenied(Caller caller, String accountId) {
        audit.recordDenied(caller, AuditAction.WALLET_TOPPED_UP, resource(accountId), accountId);
    }

    private static AuditRecorded audited(TopUp topUp, Wallet after, Caller caller, Instant now) {
        return AuditRecorded.by(caller, AuditAction.WALLET_TOPPED_UP, now)
                .account(topUp.accountId())
                .resource(resource(topUp.accountId()))
                .parts(List.of("wallet"))
                .changes(List.of(
                        "topUpId: " + topUp.topUpId(),
                        "wallet: +" + topUp.amount().toPlainString() + " " + topUp.currency() + ", balance "
                                + after.balance().toPlainString() + " " + after.currency()))
                .succeeded();
    }

    private static String resource(String accountId) {
        return "/api/wallets/" + accountId + "/top-ups";
    }

    private Wallet alreadyApplied(TopUp topUp, BigDecimal appliedAmount) {
        if (appliedAmount.compareTo(topUp.amount()) != 0) {
            throw new TopUpConflictException("top-up " + topUp.topUpId() + " of account " + topUp.accountId()
                    + " was already applied with amount " + appliedAmount.toPlainString());
        }
        return wallets.walletOf(topUp.accountId(), topUp.currency());
    }

    private void validate(TopUp topUp) {
        if (!currency.getCurrencyCode().equals(topUp.currency())) {
            throw new InvalidTopUpException(
                    "currency", "must be " + currency.getCurrencyCode() + ", not " + topUp.currency());
        }
        if (topUp.amount().signum() <= 0) {
            throw new InvalidTopUpException("amount", "must be greater than 0");
        }
        // Before anything else touches the number: 1E+3000000 compares quickly but prints as three million digits.
        if (topUp.amount().compareTo(maxTopUp) > 0) {
            throw new InvalidTopUpException(
                    "amount", "must be at most " + maxTopUp.toPlainString() + " " + currency.getCurrencyCode());
        }
        int fractionDigits = currency.getDefaultFractionDigits();
        if (topUp.amount().stripTrailingZeros().scale() > fractionDigits) {
            throw new InvalidTopUpException(
                    "amount", "has more than " + fractionDigits + " decimal places for " + currency.getCurrencyCode());
        }
    }
}
