package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.newAccountId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ReplaySkips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The top-up API on the real broker: one credit per top-up id, clear 4xx for bad input that change nothing. */
class WalletApiIT extends BillingIntegrationTest {

    private static final byte[] NOT_A_CLOUD_EVENT = "not a cloud event".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private Wallets state;

    @Autowired
    private MeterRegistry meters;

    @Test
    void whenToppedUpThenBalanceAnsweredAndLedgerWritten() {
        String account = newAccountId();

        wallets.topUp(account, "t-1", "25.00")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo(account)
                .jsonPath("$.balance")
                .isEqualTo("25.00")
                .jsonPath("$.currency")
                .isEqualTo("USD");

        // committed before the answer: readable at once
        assertThat(billing.topUps(account)).singleElement().satisfies(t -> {
            assertThat(t.topUpId()).isEqualTo("t-1");
            assertThat(t.amount()).isEqualByComparingTo("25.00");
            assertThat(t.balanceAfter()).isEqualByComparingTo("25.00");
        });
        assertThat(billing.walletUpdates(account))
                .singleElement()
                .satisfies(w -> assertThat(w.balance()).isEqualByComparingTo("25.00"));
        wallets.balance(account)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("25.00");
    }

    @Test
    void whenTheDialersCallsHoldPartOfTheWalletThenTheWalletShowsWhatIsStillAvailable() {
        String account = newAccountId();
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();

        // when the dialer records a placed call holding 3.00, and another one in doubt holding 1.50
        var events = billing.events();
        for (var intent : List.of(
                held(account, "r1", DialIntentRecorded.State.PLACED, "3.00"),
                held(account, "r2", DialIntentRecorded.State.INTENDED, "1.50"))) {
            events.send(
                    Topic.DIALER_INTENTS,
                    intent.key(),
                    events.signAs(
                            EventProducers.CAMPAIGN_DIALER,
                            EventTypes.DIAL_INTENT_RECORDED,
                            "intent-" + intent.key(),
                            intent.key(),
                            intent.recordedAt(),
                            intent));
        }

        // then the wallet shows them held, and the rest available
        await().atMost(WAIT)
                .untilAsserted(() -> wallets.balance(account)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.balance")
                        .isEqualTo("10.00")
                        .jsonPath("$.held")
                        .isEqualTo("4.50")
                        .jsonPath("$.available")
                        .isEqualTo("5.50"));
    }

    private static DialIntentRecorded held(
            String account, String requestId, DialIntentRecorded.State state, String amount) {
        return new DialIntentRecorded(
                requestId,
                account,
                "+14155550100",
                "+14155550123",
                state,
                "twilio",
                state == DialIntentRecorded.State.PLACED ? "CA-" + requestId : null,
                null,
                Instant.now(),
                null,
                Map.of(),
                60,
                new BigDecimal(amount),
                "USD",
                null);
    }

    @Test
    void whenSameTopUpRepeatedThenCreditedOnce() {
        // given a top-up applied, then a second one
        String account = newAccountId();
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
        wallets.topUp(account, "t-2", "2.50").expectStatus().isOk();

        // when the first is retried, as a number this time
        wallets.post(account, MediaType.APPLICATION_JSON, "{\"topUpId\":\"t-1\",\"amount\":10.0,\"currency\":\"USD\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("12.50");

        // then it answers the current balance and nothing more was credited
        assertThat(billing.topUps(account)).extracting(WalletToppedUp::topUpId).containsExactly("t-1", "t-2");
        assertThat(billing.walletUpdates(account)).hasSize(2);
    }

    @Test
    void whenTopUpIdReusedWithAnotherAmountThenConflict() {
        String account = newAccountId();
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();

        wallets.topUp(account, "t-1", "99.00")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("t-1"));

        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("10.00");
        assertThat(billing.topUps(account)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"topUpId\":\"t-1\",\"amount\":\"0\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"-5.00\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"1.001\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"10000.01\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"1E+3000000\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":1E+3000000,\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"abc\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"5.00\",\"currency\":\"EUR\"}",
                "{\"topUpId\":\"t-1\",\"amount\":\"5.00\"}",
                "{\"amount\":\"5.00\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"has space\",\"amount\":\"5.00\",\"currency\":\"USD\"}",
                "{\"topUpId\":\"t-1\",\"amount\":",
                "[]",
                ""
            })
    void whenTopUpInvalidThenBadRequestAndNothingChanged(String body) {
        String account = newAccountId();

        wallets.post(account, MediaType.APPLICATION_JSON, body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        wallets.balance(account).expectStatus().isNotFound();
        assertThat(billing.topUps(account)).isEmpty();
    }

    @Test
    void whenTopUpNotJsonThenUnsupportedMediaType() {
        String account = newAccountId();

        wallets.post(account, MediaType.TEXT_PLAIN, "topUpId=t-1&amount=5")
                .expectStatus()
                .isEqualTo(415);

        wallets.balance(account).expectStatus().isNotFound();
    }

    @Test
    void whenAccountIdMalformedThenBadRequest() {
        wallets.topUp("bad$account", "t-1", "5.00").expectStatus().isBadRequest();
        wallets.balance("bad$account").expectStatus().isBadRequest();
    }

    @Test
    void whenReplayedTopicsHoldUndecodableAndUnverifiableRecordsThenSkippedCountedAndBalanceRebuilt() {
        // given two top-ups, with on wallets.v1 and ledger.v1 under the account: between them a record that is
        // not a CloudEvent, after them a credit of 1000.00 signed by a key billing does not trust
        String account = newAccountId();
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
        billing.events().sendBytes(Topic.WALLETS, account, NOT_A_CLOUD_EVENT);
        billing.events().sendBytes(Topic.LEDGER, account, NOT_A_CLOUD_EVENT);
        wallets.topUp(account, "t-2", "2.50").expectStatus().isOk();
        var forged = new BigDecimal("1012.50");
        Instant now = Instant.now();
        billing.events()
                .send(
                        Topic.WALLETS,
                        account,
                        billing.events()
                                .signUntrusted(
                                        EventTypes.WALLET_UPDATED,
                                        "forged-w-" + account,
                                        account,
                                        now,
                                        new WalletUpdated(account, forged, "USD", now)));
        billing.events()
                .send(
                        Topic.LEDGER,
                        account,
                        billing.events()
                                .signUntrusted(
                                        EventTypes.WALLET_TOPPED_UP,
                                        "forged-l-" + account,
                                        account,
                                        now,
                                        new WalletToppedUp(
                                                account, "t-forged", new BigDecimal("1000.00"), "USD", forged, now)));
        Map<Topic, Double> undecodable = skipped(SkippedRecords.UNDECODABLE);
        Map<Topic, Double> unverifiable = skipped(SkippedRecords.UNVERIFIABLE);

        // when the wallets are rebuilt from the topics before the next write
        state.markStale();
        wallets.topUp(account, "t-3", "1.00")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("13.50");

        // then the bad records were skipped, each counted once, and every good one around them was read
        assertThat(state.isStale()).isFalse();
        wallets.topUp(account, "t-1", "10.00")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("13.50");
        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("13.50");
        for (Topic topic : List.of(Topic.WALLETS, Topic.LEDGER)) {
            assertThat(ReplaySkips.count(meters, topic, SkippedRecords.UNDECODABLE))
                    .as(topic.topicName())
                    .isEqualTo(undecodable.get(topic) + 1);
            assertThat(ReplaySkips.count(meters, topic, SkippedRecords.UNVERIFIABLE))
                    .as(topic.topicName())
                    .isEqualTo(unverifiable.get(topic) + 1);
        }
    }

    @Test
    void whenWalletEventsAreSignedWithTheIngressKeyThenTheRebuildSkipsThemAndTheBalanceStays() {
        // given a top-up, then on wallets.v1 and ledger.v1 a credit of 1000.00 signed with the ingress's key,
        // which billing trusts for provider events only
        String account = newAccountId();
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
        var forged = new BigDecimal("1010.00");
        Instant now = Instant.now();
        billing.events()
                .send(
                        Topic.WALLETS,
                        account,
                        billing.events()
                                .signAs(
                                        EventProducers.WEBHOOK_INGRESS,
                                        EventTypes.WALLET_UPDATED,
                                        "ingress-w-" + account,
                                        account,
                                        now,
                                        new WalletUpdated(account, forged, "USD", now)));
        billing.events()
                .send(
                        Topic.LEDGER,
                        account,
                        billing.events()
                                .signAs(
                                        EventProducers.WEBHOOK_INGRESS,
                                        EventTypes.WALLET_TOPPED_UP,
                                        "ingress-l-" + account,
                                        account,
                                        now,
                                        new WalletToppedUp(
                                                account, "t-ingress", new BigDecimal("1000.00"), "USD", forged, now)));
        Map<Topic, Double> unverifiable = skipped(SkippedRecords.UNVERIFIABLE);

        // when the wallets are rebuilt from the topics before the next write
        state.markStale();
        wallets.topUp(account, "t-2", "1.00")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("11.00");

        // then both were skipped as unverifiable (with any other test's bad records the rebuild read again)
        for (Topic topic : List.of(Topic.WALLETS, Topic.LEDGER)) {
            assertThat(ReplaySkips.count(meters, topic, SkippedRecords.UNVERIFIABLE))
                    .as(topic.topicName())
                    .isGreaterThanOrEqualTo(unverifiable.get(topic) + 1);
        }
        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("11.00");
    }

    @Test
    void whenAccountHasNoWalletThenNotFound() {
        wallets.balance(newAccountId())
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private Map<Topic, Double> skipped(String reason) {
        return Map.of(
                Topic.WALLETS,
                ReplaySkips.count(meters, Topic.WALLETS, reason),
                Topic.LEDGER,
                ReplaySkips.count(meters, Topic.LEDGER, reason));
    }
}
