package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.switchboard.dialer.support.BillingSettlements;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerTestPacing;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.SettledRequests;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DialableAccounts;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The no-overdraw protocol on the real broker: each placed call holds what its time limit can cost from its
 * wallet, so concurrent requests of one account cannot spend the same money, and a hold ends only once billing
 * has settled the call and its settlement is in the balance the dialer reads.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "switchboard.dialer.ingress-base-url=https://ingress.example.com",
            "switchboard.dialer.intake.publishers.internal.principal=User:ANONYMOUS",
            "switchboard.dialer.intake.publishers.internal.topic=" + Topic.Names.CALL_REQUESTS,
            "switchboard.dialer.intake.publishers.internal.accounts=*",
            "switchboard.dialer.intake.verify-acls=false"
        })
class WalletHoldsIT {

    private static final FakeTwilioServer TWILIO = FakeTwilioServer.start();
    /** Three minutes at 0.05 a minute. */
    private static final String THREE_MINUTES = "0.15";

    private static final String PRICE = "0.05";

    private static SignedEvents kafka;
    private static TopicReader<byte[]> outcomes;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/campaign-dialer");
        DialerTestPacing.unhurried(registry);
        TestSecrets.register(registry);
        registry.add(
                "switchboard.dialer.twilio.api-base-url", () -> TWILIO.baseUrl().toString());
    }

    @BeforeAll
    static void connect() {
        kafka = SignedEvents.onSharedBroker();
    }

    @BeforeEach
    void readOutcomes() {
        if (outcomes == null) {
            outcomes = TopicReader.bytes(Topic.CALL_OUTCOMES.topicName());
        }
    }

    @AfterAll
    static void disconnect() {
        outcomes.close();
        kafka.close();
        TWILIO.close();
    }

    @Test
    void whenTwentyRequestsOfOneMinuteMeetAWalletThatPaysForThreeThenThreeAreDialedAndSeventeenRefused() {
        String account = fundedAccount(THREE_MINUTES);

        List<String> requests =
                IntStream.range(0, 20).mapToObj(i -> request(account, 60)).toList();

        Map<String, CallRequestOutcome> settled = SettledRequests.await(outcomes, requests);
        var placed = settled.values().stream()
                .filter(outcome -> outcome.outcome() == Outcome.PLACED)
                .toList();
        var rejected = settled.values().stream()
                .filter(outcome -> outcome.outcome() == Outcome.REJECTED)
                .toList();
        assertThat(placed).hasSize(3);
        assertThat(rejected)
                .hasSize(17)
                .allSatisfy(outcome -> assertThat(outcome.reason())
                        .contains("cannot pay for one minute")
                        .contains("0.15 of it held by calls in progress"));
        assertThat(TWILIO.callsFor(account))
                .hasSize(3)
                .allSatisfy(call -> assertThat(call.param("TimeLimit")).isEqualTo("60"));
    }

    @Test
    void whenARequestAsksForNoLimitThenItGetsWhatTheWholeWalletPaysForAndTheNextIsRefused() {
        String account = fundedAccount(THREE_MINUTES);

        String first = request(account, null);
        assertThat(SettledRequests.await(outcomes, List.of(first)).get(first).outcome())
                .isEqualTo(Outcome.PLACED);
        String second = request(account, null);

        assertThat(SettledRequests.await(outcomes, List.of(second)).get(second).outcome())
                .isEqualTo(Outcome.REJECTED);
        assertThat(TWILIO.callsFor(account))
                .singleElement()
                .satisfies(call -> assertThat(call.param("TimeLimit")).isEqualTo("180"));
    }

    @Test
    void whenBillingSettlesACallThenItsHoldEndsOnceTheBalanceThatIncludesTheSettlementIsRead() {
        String account = fundedAccount(THREE_MINUTES);
        List<String> first = List.of(request(account, 60), request(account, 60), request(account, 60));
        Map<String, CallRequestOutcome> placed = SettledRequests.await(outcomes, first);
        assertThat(placed.values())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(Outcome.PLACED));
        assertOutcome(request(account, 60), Outcome.REJECTED);

        // a busy call costs nothing: its hold ends at once
        BillingSettlements.notCharged(kafka, placed.get(first.get(0)));
        assertOutcome(request(account, 60), Outcome.PLACED);

        // a charged call's hold counts until the wallet state with its debit is read
        BillingSettlements.charged(
                kafka,
                placed.get(first.get(1)),
                PRICE,
                new BigDecimal(THREE_MINUTES).subtract(new BigDecimal(PRICE)).toPlainString(),
                2);
        assertOutcome(request(account, 60), Outcome.REJECTED);
        // version 3: the debit (0.05) and a top-up of 0.05 after it
        DialableAccounts.wallet(kafka, account, THREE_MINUTES, PRICE, 3);
        assertOutcome(request(account, 60), Outcome.PLACED);
    }

    @Test
    void whenTheAccountHasNoWalletOrAnEmptyOneThenNothingIsDialed() {
        String withoutWallet = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        DialableAccounts.configure(
                kafka,
                withoutWallet,
                CallRequests.FROM,
                "asst-1",
                FakeTwilioServer.ACCOUNT_SID,
                FakeTwilioServer.AUTH_TOKEN);
        String empty = fundedAccount("0.04");

        String noWallet = request(withoutWallet, null);
        String tooLittle = request(empty, null);

        var settled = SettledRequests.await(outcomes, List.of(noWallet, tooLittle));
        assertThat(settled.get(noWallet).reason()).contains("has no wallet yet");
        assertThat(settled.get(tooLittle).reason()).contains("cannot pay for one minute");
        assertThat(TWILIO.callsFor(withoutWallet)).isEmpty();
        assertThat(TWILIO.callsFor(empty)).isEmpty();
    }

    private static String fundedAccount(String balance) {
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        DialableAccounts.configure(
                kafka, account, CallRequests.FROM, "asst-1", FakeTwilioServer.ACCOUNT_SID, FakeTwilioServer.AUTH_TOKEN);
        DialableAccounts.wallet(kafka, account, balance, PRICE, 1);
        return account;
    }

    /** Publishes a request for {@code account}, of at most {@code maxDurationSeconds} (null: none of its own). */
    private static String request(String account, Integer maxDurationSeconds) {
        var request = CallRequests.valid().with("accountId", account);
        if (maxDurationSeconds != null) {
            request.with("maxDurationSeconds", maxDurationSeconds);
        }
        kafka.sendBytes(Topic.CALL_REQUESTS, request.requestId(), request.json());
        return request.requestId();
    }

    private static void assertOutcome(String requestId, Outcome expected) {
        assertThat(SettledRequests.await(outcomes, List.of(requestId))
                        .get(requestId)
                        .outcome())
                .as("request %s", requestId)
                .isEqualTo(expected);
    }
}
