package io.switchboard.dialer.wallet.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.dialer.wallet.domain.WalletBalance;
import io.switchboard.dialer.wallet.domain.WalletBalances;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.RefusedEvents;
import io.switchboard.testsupport.ReplaySkips;
import io.switchboard.testsupport.TestEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WalletsUpdaterTests {

    private final EventEnvelopes billing = TestEnvelopes.trusted("/switchboard/billing-service");
    private final WalletBalances balances = new WalletBalances();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WalletsUpdater updater = new WalletsUpdater(
            TestEnvelopes.trusted("/switchboard/campaign-dialer"),
            balances,
            new SkippedRecords(meters),
            new EventRefusals(meters));
    private long offset;

    @BeforeEach
    void current() {
        balances.readFrom(DialerViews.CURRENT);
    }

    @Test
    void whenBillingPublishesAWalletStateThenItIsTakenWithItsPriceAndVersion() {
        updater.apply(record(
                "acme",
                billing.wrap(
                        EventTypes.WALLET_UPDATED, "w1", "acme", Instant.now(), wallet("acme", "12.50", "0.05", 1L))));

        assertThat(balances.of("acme"))
                .contains(new WalletBalance("acme", new BigDecimal("12.50"), "USD", new BigDecimal("0.05"), 1));
        assertThat(meters.find(EventRefusals.METRIC).counters()).isEmpty();
        assertThat(ReplaySkips.count(meters, Topic.WALLETS, SkippedRecords.UNVERIFIABLE))
                .isZero();
    }

    @Test
    void whenAHigherVersionArrivesThenItReplacesTheWalletState() {
        updater.apply(record("acme", signed("acme", "12.50", 1L)));

        updater.apply(record("acme", signed("acme", "7.25", 2L)));

        assertThat(balances.of("acme"))
                .get()
                .extracting(WalletBalance::balance, WalletBalance::version)
                .containsExactly(new BigDecimal("7.25"), 2L);
    }

    @Test
    void whenALowerVersionIsReProducedLaterThenItIsRefusedAsStaleAndTheSpentBalanceStays() {
        CloudEvent rich = signed("acme", "100.00", 1L);
        updater.apply(record("acme", rich));
        updater.apply(record("acme", signed("acme", "0.10", 2L)));

        updater.apply(record("acme", rich));

        assertThat(balances.of("acme"))
                .get()
                .extracting(WalletBalance::balance, WalletBalance::version)
                .containsExactly(new BigDecimal("0.10"), 2L);
        assertThat(RefusedEvents.count(meters, Topic.WALLETS, Refusal.STALE_SNAPSHOT))
                .isEqualTo(1.0);
    }

    @Test
    void whenTheSameVersionIsReadAgainThenNothingIsRefused() {
        CloudEvent state = signed("acme", "12.50", 3L);
        updater.apply(record("acme", state));

        updater.apply(record("acme", state));

        assertThat(balances.of("acme")).get().extracting(WalletBalance::version).isEqualTo(3L);
        assertThat(meters.find(EventRefusals.METRIC).counters()).isEmpty();
    }

    @Test
    void whenStatesHaveNoVersionThenTheyFollowEachOtherInTheTopicsOrder() {
        updater.apply(record("acme", signed("acme", "12.50", null)));

        updater.apply(record("acme", signed("acme", "3.00", null)));

        assertThat(balances.of("acme"))
                .get()
                .extracting(WalletBalance::balance, WalletBalance::version)
                .containsExactly(new BigDecimal("3.00"), 0L);
        assertThat(meters.find(EventRefusals.METRIC).counters()).isEmpty();
    }

    @Test
    void whenATombstoneArrivesThenItIsRefusedAsUnsignedAndTheWalletStays() {
        updater.apply(record("acme", signed("acme", "12.50", 1L)));

        updater.apply(record("acme", null));

        assertThat(balances.of("acme")).get().extracting(WalletBalance::balance).isEqualTo(new BigDecimal("12.50"));
        assertThat(RefusedEvents.count(meters, Topic.WALLETS, Refusal.UNSIGNED_TOMBSTONE))
                .isEqualTo(1.0);
    }

    @Test
    void whenAWalletStateIsSignedByAnotherServicesTrustedKeyThenItIsSkippedAsUnverifiable() {
        updater.apply(record("acme", signed("acme", "0.10", 1L)));
        var forged = wallet("acme", "1000.00", "0.05", 2L);
        CloudEvent fromOrchestrator = TestEnvelopes.signedAs(EventProducers.CALL_ORCHESTRATOR)
                .wrap(EventTypes.WALLET_UPDATED, "w-forged", "acme", Instant.now(), forged);

        updater.apply(record("acme", fromOrchestrator));

        assertThat(balances.of("acme"))
                .get()
                .extracting(WalletBalance::balance, WalletBalance::version)
                .containsExactly(new BigDecimal("0.10"), 1L);
        assertThat(ReplaySkips.count(meters, Topic.WALLETS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(1.0);
    }

    @Test
    void whenAWalletStateIsSignedByAKeyNobodyTrustsThenItIsSkippedAsUnverifiable() {
        CloudEvent untrusted = TestEnvelopes.untrusted()
                .wrap(
                        EventTypes.WALLET_UPDATED,
                        "w-untrusted",
                        "acme",
                        Instant.now(),
                        wallet("acme", "1000.00", "0.05", 1L));

        updater.apply(record("acme", untrusted));

        assertThat(balances.of("acme")).isEmpty();
        assertThat(ReplaySkips.count(meters, Topic.WALLETS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(1.0);
    }

    @Test
    void whenARecordIsNotKeyedByTheAccountItDescribesThenItIsSkippedAndNoWalletChanges() {
        updater.apply(record("globex", signed("globex", "0.10", 1L)));

        updater.apply(record("globex", signed("acme", "1000.00", 5L)));

        assertThat(balances.of("acme")).isEmpty();
        assertThat(balances.of("globex"))
                .get()
                .extracting(WalletBalance::balance)
                .isEqualTo(new BigDecimal("0.10"));
        assertThat(ReplaySkips.count(meters, Topic.WALLETS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(1.0);
    }

    @Test
    void whenAWalletStateHasNoBalanceThenItIsSkipped() {
        updater.apply(record("acme", signed("acme", "12.50", 1L)));
        var empty = new WalletUpdated("acme", null, "USD", Instant.now(), 2L, new BigDecimal("0.05"));

        updater.apply(record("acme", billing.wrap(EventTypes.WALLET_UPDATED, "w-empty", "acme", Instant.now(), empty)));

        assertThat(balances.of("acme")).get().extracting(WalletBalance::version).isEqualTo(1L);
        assertThat(ReplaySkips.count(meters, Topic.WALLETS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(1.0);
    }

    private CloudEvent signed(String accountId, String balance, Long version) {
        return billing.wrap(
                EventTypes.WALLET_UPDATED,
                "w-" + accountId + "-" + version + "-" + balance,
                accountId,
                Instant.now(),
                wallet(accountId, balance, "0.05", version));
    }

    private static WalletUpdated wallet(String accountId, String balance, String price, Long version) {
        return new WalletUpdated(
                accountId, new BigDecimal(balance), "USD", Instant.now(), version, new BigDecimal(price));
    }

    private ConsumerRecord<String, CloudEvent> record(String key, CloudEvent value) {
        return new ConsumerRecord<>(Topic.WALLETS.topicName(), 0, offset++, key, value);
    }
}
