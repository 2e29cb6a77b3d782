package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenant isolation in billing (docs/design.md, guarantee 14): a call is charged by its call key
 * (provider, account, provider call id). Account B's completed call with account A's CallSid, made by
 * a callback that B's own credential signed, is B's call: whenever it arrives, A's wallet and ledger
 * are exactly what A's own call makes them. A snapshot filed under a key that is not its own call's is
 * refused and charged to nobody.
 */
class CrossAccountChargingIT extends BillingIntegrationTest {

    /** A day: what a forged completed callback would like to be charged for (72.00 at the default rate). */
    private static final int FORGED_DURATION = 86_400;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenAnotherAccountsCompletedCallWithTheCallIdArrivesFirstThenTheAccountPaysOnlyForItsOwnCall() {
        // given account A with 10.00, and account B's completed call, a day long, under A's CallSid
        String accountA = newAccountId();
        String accountB = newAccountId();
        String callId = newCallId();
        wallets.topUp(accountA, "t-1", "10.00").expectStatus().isOk();

        // when B's call arrives before A's own 65 s call completes
        billing.publish(completed(accountB, callId, FORGED_DURATION));
        billing.awaitHandled(billing.publish(completed(accountA, callId, 65)));

        // then A paid once, for its own call, as without B's
        await().atMost(WAIT).until(() -> billing.charges(accountA).size() == 1);
        assertOnlyItsOwnCallCharged(accountA, callId);
        // and B's call was charged to B's wallet, not A's
        assertThat(billing.charges(accountB)).singleElement().satisfies(charge -> {
            assertThat(charge.accountId()).isEqualTo(accountB);
            assertThat(charge.durationSeconds()).isEqualTo(FORGED_DURATION);
            assertThat(charge.amount()).isEqualByComparingTo("72.00");
        });
    }

    @Test
    void whenAnotherAccountsCompletedCallWithTheCallIdArrivesAfterThenTheAccountIsNotChargedAgain() {
        // given account A's 65 s call, charged
        String accountA = newAccountId();
        String accountB = newAccountId();
        String callId = newCallId();
        wallets.topUp(accountA, "t-1", "10.00").expectStatus().isOk();
        billing.publish(completed(accountA, callId, 65));
        await().atMost(WAIT).until(() -> billing.charges(accountA).size() == 1);

        // when account B's completed call with the same CallSid, a day long, arrives twice
        billing.publish(completed(accountB, callId, FORGED_DURATION));
        billing.awaitHandled(billing.publish(completed(accountB, callId, FORGED_DURATION)));

        // then A's wallet and ledger are as before, and B's call was charged to B once
        assertOnlyItsOwnCallCharged(accountA, callId);
        assertThat(billing.charges(accountB)).hasSize(1);
    }

    @Test
    void whenAnotherAccountsSnapshotIsFiledUnderTheCallsKeyThenItIsRefusedAndChargedToNobody() {
        // given account A's 65 s call, charged
        String accountA = newAccountId();
        String accountB = newAccountId();
        String callId = newCallId();
        wallets.topUp(accountA, "t-1", "10.00").expectStatus().isOk();
        CallStateChanged ofA = completed(accountA, callId, 65);
        billing.publish(ofA);
        await().atMost(WAIT).until(() -> billing.charges(accountA).size() == 1);
        double accountMismatches = refused(Refusal.ACCOUNT_MISMATCH);

        // when B's completed snapshot, validly signed, is written under A's key: with B's subject, then with A's
        CallStateChanged ofB = completed(accountB, callId, FORGED_DURATION);
        String keyOfA = BillingTopics.keyOf(ofA);
        billing.events().send(Topic.CALL_STATES, keyOfA, billing.signed(ofB));
        billing.awaitHandled(billing.events().send(Topic.CALL_STATES, keyOfA, billing.signed(ofB, keyOfA)));

        // then both were refused and counted: nobody was charged, nothing was dead-lettered
        assertThat(refused(Refusal.ACCOUNT_MISMATCH)).isEqualTo(accountMismatches + 2);
        assertOnlyItsOwnCallCharged(accountA, callId);
        assertThat(billing.charges(accountB)).isEmpty();
        assertThat(billing.deadLetters(keyOfA)).isEmpty();
    }

    @Test
    void whenASnapshotIsKeyedByTheBareCallIdThenItIsRefusedAndNotCharged() {
        // given a completed call, keyed the way call-states was keyed before call keys
        String account = newAccountId();
        CallStateChanged call = completed(account, newCallId(), 65);
        double keyMismatches = refused(Refusal.KEY_MISMATCH);

        // when it is consumed
        billing.awaitHandled(billing.events().send(Topic.CALL_STATES, call.callId(), billing.signed(call)));

        // then it was refused and counted, not charged
        assertThat(refused(Refusal.KEY_MISMATCH)).isEqualTo(keyMismatches + 1);
        assertThat(billing.charges(account)).isEmpty();
        assertThat(billing.deadLetters(call.callId())).isEmpty();
    }

    /** A's ledger holds one charge, for its own 65 s call, and its wallet went from 10.00 to 9.90 only. */
    private void assertOnlyItsOwnCallCharged(String accountA, String callId) {
        assertThat(billing.charges(accountA)).singleElement().satisfies(charge -> {
            assertThat(charge.provider()).isEqualTo("twilio");
            assertThat(charge.accountId()).isEqualTo(accountA);
            assertThat(charge.callId()).isEqualTo(callId);
            assertThat(charge.durationSeconds()).isEqualTo(65);
            assertThat(charge.amount()).isEqualByComparingTo("0.10");
            assertThat(charge.balanceAfter()).isEqualByComparingTo("9.90");
        });
        assertThat(billing.walletUpdates(accountA))
                .extracting(WalletUpdated::balance)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("9.90"));
        wallets.balance(accountA).expectBody().jsonPath("$.balance").isEqualTo("9.90");
        assertThat(billing.charges(accountA)).extracting(CallCharged::callId).containsOnly(callId);
    }

    private double refused(String reason) {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.CALL_STATES.topicName(), "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
