package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.ended;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.topic.Topic;
import org.junit.jupiter.api.Test;

/** Charging on the real broker: once per completed call, across duplicates and rollbacks; never for the rest. */
class CallChargingIT extends BillingIntegrationTest {

    @Test
    void whenCompletedCallsThenEachChargedAndWalletDebited() {
        // given an account topped up with 25.00
        String account = newAccountId();
        wallets.topUp(account, "t-1", "25.00").expectStatus().isOk();

        // when calls of 65 s and 30 s complete
        String first = newCallId();
        String second = newCallId();
        billing.publish(completed(account, first, 65));
        billing.publish(completed(account, second, 30));

        // then two charges of 0.10 and 0.05 at the default rate, and 24.85 left
        await().atMost(WAIT).until(() -> billing.charges(account).size() == 2);
        List<CallCharged> charges = billing.charges(account);
        assertThat(charges)
                .filteredOn(c -> c.callId().equals(first))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.amount()).isEqualByComparingTo("0.10");
                    assertThat(c.billedMinutes()).isEqualTo(2);
                    assertThat(c.durationSeconds()).isEqualTo(65);
                    assertThat(c.pricePerMinute()).isEqualByComparingTo("0.05");
                    assertThat(c.currency()).isEqualTo("USD");
                });
        assertThat(charges)
                .filteredOn(c -> c.callId().equals(second))
                .singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("0.05"));
        wallets.balance(account)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo(account)
                .jsonPath("$.balance")
                .isEqualTo("24.85")
                .jsonPath("$.currency")
                .isEqualTo("USD");
        List<WalletUpdated> states = billing.walletUpdates(account);
        assertThat(states.getLast().balance()).isEqualByComparingTo("24.85");
        assertThat(charges.getLast().balanceAfter()).isEqualByComparingTo("24.85");
    }

    @Test
    void whenAccountHasNoWalletThenChargeTakesItBelowZero() {
        String account = newAccountId();

        billing.publish(completed(account, newCallId(), 59));

        await().atMost(WAIT).until(() -> billing.charges(account).size() == 1);
        wallets.balance(account)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("-0.05");
    }

    @Test
    void whenSameSnapshotPublishedTwiceOrRepublishedThenChargedOnce() {
        // given a completed call
        String account = newAccountId();
        String callId = newCallId();
        var snapshot = completed(account, callId, 120);
        var event = billing.signed(snapshot);

        // when the identical record arrives twice, and the orchestrator re-publishes the terminal snapshot
        billing.events().send(Topic.CALL_STATES, BillingTopics.keyOf(snapshot), event);
        billing.events().send(Topic.CALL_STATES, BillingTopics.keyOf(snapshot), event);
        var republished = billing.publish(completed(account, callId, 120));
        billing.awaitHandled(republished);

        // then one ledger entry and one debit
        assertThat(billing.charges(account))
                .singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("0.10"));
        assertThat(billing.walletUpdates(account)).hasSize(1);
        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("-0.10");
    }

    @Test
    void whenTransactionRollsBackAfterPublishingThenRedeliveredRecordChargedOnce() {
        // given a failure after the charge was published inside the listener's transaction, once
        String account = newAccountId();
        String callId = newCallId();
        doAnswer(invocation -> {
                    invocation.callRealMethod();
                    throw new IllegalStateException("injected failure after publishing, before the commit");
                })
                .doCallRealMethod()
                .when(ledgerPublisher)
                .publishCharge(argThat(c -> c != null && callId.equals(c.callId())), any());

        // when the completed call arrives
        var sent = billing.publish(completed(account, callId, 65));
        billing.awaitHandled(sent);

        // then the aborted attempt is on the log but invisible to read_committed readers, and the
        // redelivered record was charged exactly once, in Kafka and in the wallet
        verify(ledgerPublisher, times(2)).publishCharge(argThat(c -> c != null && callId.equals(c.callId())), any());
        assertThat(billing.chargesWritten(account)).hasSize(2);
        assertThat(billing.charges(account))
                .singleElement()
                .satisfies(c -> assertThat(c.balanceAfter()).isEqualByComparingTo("-0.10"));
        assertThat(billing.walletUpdates(account))
                .singleElement()
                .satisfies(w -> assertThat(w.balance()).isEqualByComparingTo("-0.10"));
        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("-0.10");
    }

    @Test
    void whenCallNotCompletedOrZeroSecondsThenNoLedgerEntry() {
        // given an account with a wallet
        String account = newAccountId();
        wallets.topUp(account, "t-1", "5.00").expectStatus().isOk();

        // when busy, failed, no-answer, canceled, in-progress and 0 s completed calls arrive
        billing.publish(ended(account, newCallId(), CallStatus.BUSY, 0));
        billing.publish(ended(account, newCallId(), CallStatus.FAILED, null));
        billing.publish(ended(account, newCallId(), CallStatus.NO_ANSWER, 30));
        billing.publish(ended(account, newCallId(), CallStatus.CANCELED, 0));
        billing.publish(ended(account, newCallId(), CallStatus.IN_PROGRESS, null));
        var last = billing.publish(completed(account, newCallId(), 0));
        billing.awaitHandled(last);

        // then nothing was charged (a later good call proves the consumer went past them all)
        String paid = newCallId();
        billing.awaitHandled(billing.publish(completed(account, paid, 1)));
        await().atMost(WAIT).until(() -> !billing.charges(account).isEmpty());
        assertThat(billing.charges(account)).extracting(CallCharged::callId).containsExactly(paid);
        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("4.95");
    }
}
