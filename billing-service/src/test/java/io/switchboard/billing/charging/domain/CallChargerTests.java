package io.switchboard.billing.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.billing.rating.domain.CallRater;
import io.switchboard.billing.rating.domain.RateCard;
import io.switchboard.billing.wallet.domain.LedgerPublisher;
import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.WalletReloader;
import io.switchboard.billing.wallet.domain.WalletWriteLock;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.transaction.SynchronizedTransactionEffects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The in-memory side of exactly-once: what a commit, a rollback and an unknown outcome leave behind. */
class CallChargerTests {

    private final Wallets wallets = new Wallets();
    private final WalletWriteLock writeLock = new WalletWriteLock();
    private final LedgerPublisher publisher = mock(LedgerPublisher.class);
    private final CallCharger charger = new CallCharger(
            new CallRater(new RateCard(new BigDecimal("0.05"), "USD")),
            wallets,
            writeLock,
            mock(WalletReloader.class),
            publisher,
            new ChargeMetrics(new SimpleMeterRegistry()),
            new SynchronizedTransactionEffects(),
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void whenTransactionCommitsThenDebitAppliedAndLockReleased() throws Exception {
        // given a transaction in which a completed call is charged
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("CA-commit", 65));
        assertThat(wallets.isCharged(key("CA-commit")))
                .as("not applied before the commit")
                .isFalse();

        // when it commits
        complete(TransactionSynchronization.STATUS_COMMITTED);

        // then the debit is applied once and another thread can write again
        assertThat(wallets.isCharged(key("CA-commit"))).isTrue();
        assertThat(wallets.find("acme").orElseThrow().balance()).isEqualByComparingTo("-0.10");
        assertLockFree();
    }

    @Test
    void whenTransactionRollsBackThenNothingAppliedAndRedeliveryCharges() throws Exception {
        // given a charge whose transaction rolls back
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("CA-rollback", 65));
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(wallets.isCharged(key("CA-rollback"))).isFalse();
        assertThat(wallets.find("acme")).isEmpty();
        assertLockFree();

        // when the record is redelivered and that transaction commits
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("CA-rollback", 65));
        complete(TransactionSynchronization.STATUS_COMMITTED);

        // then it is debited exactly once
        assertThat(wallets.find("acme").orElseThrow().balance()).isEqualByComparingTo("-0.10");
    }

    @Test
    void whenCommitOutcomeUnknownThenWalletsMarkedStale() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("CA-unknown", 65));

        complete(TransactionSynchronization.STATUS_UNKNOWN);

        assertThat(wallets.isStale()).isTrue();
        assertThat(wallets.isCharged(key("CA-unknown"))).isFalse();
        assertLockFree();
    }

    @Test
    void whenAlreadyChargedThenNothingPublished() {
        TransactionSynchronizationManager.initSynchronization();
        wallets.applyCharge(key("CA-dup"), new Wallet("acme", BigDecimal.ONE, "USD"));

        charger.charge(completed("CA-dup", 65));

        verify(publisher, never()).publishCharge(any(), any());
        assertThat(TransactionSynchronizationManager.getSynchronizations()).isEmpty();
    }

    @Test
    void whenAnotherAccountsCallWithTheSameCallIdWasChargedThenThisCallIsStillChargedToItsOwnWallet() throws Exception {
        // given account B's call with CallSid CA-shared, charged to B
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("account-b", "CA-shared", 86_400));
        complete(TransactionSynchronization.STATUS_COMMITTED);

        // when acme's own call with that CallSid completes
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("acme", "CA-shared", 65));
        complete(TransactionSynchronization.STATUS_COMMITTED);

        // then each call was charged once, to its own account's wallet
        assertThat(wallets.isCharged(new CallKey("twilio", "account-b", "CA-shared")))
                .isTrue();
        assertThat(wallets.isCharged(key("CA-shared"))).isTrue();
        assertThat(wallets.find("acme").orElseThrow().balance()).isEqualByComparingTo("-0.10");
        assertThat(wallets.find("account-b").orElseThrow().balance()).isEqualByComparingTo("-72.00");
        verify(publisher)
                .publishCharge(
                        argThat(c -> c.accountId().equals("acme")
                                && c.provider().equals("twilio")
                                && c.callId().equals("CA-shared")
                                && c.durationSeconds() == 65),
                        argThat(w -> w.accountId().equals("acme")));
    }

    @Test
    void whenTheSameCallIdOfAnotherAccountCompletesAfterwardsThenThisCallIsNotChargedAgain() throws Exception {
        // given acme's charged call
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("acme", "CA-first", 65));
        complete(TransactionSynchronization.STATUS_COMMITTED);

        // when account B's call with the same CallSid completes, a day long
        TransactionSynchronizationManager.initSynchronization();
        charger.charge(completed("account-b", "CA-first", 86_400));
        complete(TransactionSynchronization.STATUS_COMMITTED);

        // then acme's wallet is debited once, for its own 65 s
        assertThat(wallets.find("acme").orElseThrow().balance()).isEqualByComparingTo("-0.10");
        verify(publisher, org.mockito.Mockito.times(1))
                .publishCharge(argThat((CallCharged c) -> c.accountId().equals("acme")), any());
    }

    @Test
    void whenNoTransactionThenRefusesToCharge() {
        assertThatThrownBy(() -> charger.charge(completed("CA-no-tx", 65))).isInstanceOf(IllegalStateException.class);
        verify(publisher, never()).publishCharge(any(), any());
    }

    @Test
    void whenACallPlacedFromARequestIsChargedThenTheChargeNamesTheRequestAndTheWalletVersionItLedTo() {
        TransactionSynchronizationManager.initSynchronization();

        charger.charge(ended("acme", "CA-request", CallStatus.COMPLETED, 65, "crm:42"));

        verify(publisher)
                .publishCharge(
                        argThat((CallCharged charged) -> "crm:42".equals(charged.requestId())
                                && Long.valueOf(1).equals(charged.walletVersion())),
                        argThat(wallet -> wallet.version() == 1
                                && wallet.pricePerMinute().compareTo(new BigDecimal("0.05")) == 0));
    }

    @Test
    void whenACallPlacedFromARequestEndsWithoutACostThenItIsSettledAtNoCostForTheDialer() {
        TransactionSynchronizationManager.initSynchronization();

        charger.charge(ended("acme", "CA-busy", CallStatus.BUSY, 0, "crm:43"));
        charger.charge(ended("acme", "CA-silent", CallStatus.COMPLETED, 0, "crm:44"));

        verify(publisher, never()).publishCharge(any(), any());
        verify(publisher)
                .publishNotCharged(
                        argThat((CallNotCharged settled) -> settled.callId().equals("CA-busy")
                                && settled.requestId().equals("crm:43")
                                && settled.status().equals("busy")
                                && settled.reason().equals("busy calls are not charged")));
        verify(publisher)
                .publishNotCharged(argThat((CallNotCharged settled) ->
                        settled.callId().equals("CA-silent") && settled.reason().equals("answered for 0 seconds")));
    }

    @Test
    void whenAnInboundOrUnfinishedCallIsNotChargedThenNothingIsPublished() {
        TransactionSynchronizationManager.initSynchronization();

        charger.charge(ended("acme", "CA-inbound", CallStatus.NO_ANSWER, 0, null));
        charger.charge(ended("acme", "CA-ringing", CallStatus.RINGING, 0, "crm:45"));

        verify(publisher, never()).publishNotCharged(any());
    }

    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        if (status == TransactionSynchronization.STATUS_COMMITTED) {
            synchronizations.forEach(TransactionSynchronization::afterCommit);
        }
        synchronizations.forEach(s -> s.afterCompletion(status));
    }

    private void assertLockFree() throws Exception {
        // The lock is per thread: prove another thread can take it now.
        var taken = CompletableFuture.supplyAsync(() -> {
            writeLock.lock();
            writeLock.unlock();
            return true;
        });
        assertThat(taken.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static CallKey key(String callId) {
        return new CallKey("twilio", "acme", callId);
    }

    private static CallStateChanged completed(String callId, int seconds) {
        return completed("acme", callId, seconds);
    }

    private static CallStateChanged ended(
            String accountId, String callId, CallStatus status, int seconds, String requestId) {
        return new CallStateChanged(
                callId,
                accountId,
                "twilio",
                CallDirection.OUTBOUND,
                "+15550001",
                "+15550002",
                null,
                requestId,
                status,
                CallStatus.RINGING,
                seconds,
                List.of(),
                Instant.now());
    }

    private static CallStateChanged completed(String accountId, String callId, int seconds) {
        return new CallStateChanged(
                callId,
                accountId,
                "twilio",
                CallDirection.OUTBOUND,
                "+15550001",
                "+15550002",
                null,
                null,
                CallStatus.COMPLETED,
                CallStatus.IN_PROGRESS,
                seconds,
                List.of(),
                Instant.now());
    }
}
