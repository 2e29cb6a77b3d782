package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DialableAccounts;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();
    /** Three minutes at 0.05 a minute. */
    private static final String THREE_MINUTES = "0.15";

    private static final String PRICE = "0.05";

    private static SignedEvents kafka;
    private static TopicReader<byte[]> outcomes;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/campaign-dialer");
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

        Map<String, CallRequestOutcome> settled = awaitSettled(requests);
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
        assertThat(awaitSettled(List.of(first)).get(first).outcome()).isEqualTo(Outcome.PLACED);
        String second = request(account, null);

        assertThat(awaitSettled(List.of(second)).get(second).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(TWILIO.callsFor(account))
                .singleElement()
                .satisfies(call -> assertThat(call.param("TimeLimit")).isEqualTo("180"));
    }

    @Test
    void whenBillingSettlesACallThenItsHoldEndsOnceTheBalanceThatIncludesTheSettlementIsRead() {
        String account = fundedAccount(THREE_MINUTES);
        List<String> first = List.of(request(account, 60), request(account, 60), request(account, 60));
        Map<String, CallRequestOutcome> placed = awaitSettled(first);
        assertThat(placed.values())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(Outcome.PLACED));
        assertOutcome(request(account, 60), Outcome.REJECTED);

        // a busy call costs nothing: its hold ends at once
        notCharged(placed.get(first.get(0)));
        assertOutcome(request(account, 60), Outcome.PLACED);

        // a charged call's hold counts until the wallet state with its debit is read
        charged(placed.get(first.get(1)), 2);
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

        var settled = awaitSettled(List.of(noWallet, tooLittle));
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
        assertThat(awaitSettled(List.of(requestId)).get(requestId).outcome())
                .as("request %s", requestId)
                .isEqualTo(expected);
    }

    private static void notCharged(CallRequestOutcome placed) {
        var settled = new CallNotCharged(
                "twilio",
                placed.accountId(),
                placed.callId(),
                placed.requestId(),
                "busy",
                "busy calls are not charged",
                Instant.now());
        kafka.send(
                Topic.LEDGER,
                placed.accountId(),
                kafka.signAs(
                        EventProducers.BILLING_SERVICE,
                        EventTypes.CALL_NOT_CHARGED,
                        EventIds.of("call-not-charged", placed.callId()),
                        placed.callId(),
                        settled.settledAt(),
                        settled));
    }

    private static void charged(CallRequestOutcome placed, long walletVersion) {
        var price = new BigDecimal(PRICE);
        var charged = new CallCharged(
                "twilio",
                placed.accountId(),
                placed.callId(),
                42,
                1,
                price,
                price,
                "USD",
                new BigDecimal(THREE_MINUTES).subtract(price),
                Instant.now(),
                placed.requestId(),
                walletVersion);
        kafka.send(
                Topic.LEDGER,
                placed.accountId(),
                kafka.signAs(
                        EventProducers.BILLING_SERVICE,
                        EventTypes.CALL_CHARGED,
                        EventIds.of("call-charged", placed.callId()),
                        placed.callId(),
                        charged.chargedAt(),
                        charged));
    }

    /** Each request's outcome once it is placed or rejected. */
    private static Map<String, CallRequestOutcome> awaitSettled(List<String> requestIds) {
        var records = outcomes.await(
                record -> requestIds.contains(record.key()),
                seen -> settledIn(seen.stream().map(WalletHoldsIT::outcome).toList())
                        .keySet()
                        .containsAll(requestIds));
        return settledIn(records.stream().map(WalletHoldsIT::outcome).toList());
    }

    private static Map<String, CallRequestOutcome> settledIn(List<CallRequestOutcome> seen) {
        Map<String, CallRequestOutcome> settled = new HashMap<>();
        seen.stream()
                .filter(outcome -> outcome.outcome() == Outcome.PLACED || outcome.outcome() == Outcome.REJECTED)
                .forEach(outcome -> settled.putIfAbsent(outcome.requestId(), outcome));
        return settled;
    }

    private static CallRequestOutcome outcome(ConsumerRecord<String, byte[]> record) {
        return KafkaRecords.verified(record, VERIFYING)
                .orElseThrow()
                .as(EventTypes.CALL_REQUEST_OUTCOME)
                .payload();
    }
}
