package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.pacing.domain.DestinationPrefix;
import io.switchboard.dialer.support.BillingSettlements;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Received;
import io.switchboard.dialer.support.FakeTwilioServer.Reply;
import io.switchboard.dialer.support.SettledRequests;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
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
 * The limits of a provider account, as its provider sees them: the instants the fake Twilio received each
 * create, in every sliding second, the calls it holds at once, and what a "too many requests" does. Each
 * test dials on a Twilio account of its own, with limits of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "switchboard.dialer.ingress-base-url=https://ingress.example.com",
            "switchboard.dialer.intake.publishers.internal.principal=User:ANONYMOUS",
            "switchboard.dialer.intake.publishers.internal.topic=" + Topic.Names.CALL_REQUESTS,
            "switchboard.dialer.intake.publishers.internal.accounts=*",
            "switchboard.dialer.intake.verify-acls=false",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.RATED + ".calls-per-second=4",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.RATED + ".prefix-calls-per-second=2",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.RATED + ".concurrent-calls=100",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.SLOTTED + ".calls-per-second=50",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.SLOTTED + ".prefix-calls-per-second=50",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.SLOTTED + ".concurrent-calls=3",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.THROTTLED + ".calls-per-second=20",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.THROTTLED + ".prefix-calls-per-second=20",
            "switchboard.dialer.pacing.provider-accounts." + PacingIT.SINGLE + ".concurrent-calls=1",
            "switchboard.dialer.pacing.backoff.initial=500ms"
        })
class PacingIT {

    static final String RATED = "AC11111111111111111111111111111111";
    static final String SLOTTED = "AC22222222222222222222222222222222";
    static final String THROTTLED = "AC33333333333333333333333333333333";
    static final String SINGLE = "AC44444444444444444444444444444444";

    private static final FakeTwilioServer TWILIO = FakeTwilioServer.start();

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
    void whenTwentyFourRequestsWaitThenNoSlidingSecondHoldsMoreThanTheAccountsOrAnAreaCodesRate() {
        String account = accountOn(RATED);
        List<String> requests = new ArrayList<>();
        IntStream.range(10, 22).forEach(n -> {
            requests.add(request(account, "+1415555" + "01" + n));
            requests.add(request(account, "+1212555" + "01" + n));
        });

        Map<String, CallRequestOutcome> settled = SettledRequests.await(outcomes, requests);

        assertThat(settled.values())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(Outcome.PLACED));
        List<Received> creates = createsOn(RATED);
        assertThat(creates).hasSize(24);
        assertThat(busiestSecond(creates))
                .as("creates in the busiest second of %s", arrivals(creates))
                .isLessThanOrEqualTo(4);
        Map<String, List<Received>> byAreaCode =
                creates.stream().collect(Collectors.groupingBy(create -> DestinationPrefix.of(create.param("To"))));
        assertThat(byAreaCode).hasSize(2);
        byAreaCode.forEach((prefix, toArea) -> assertThat(busiestSecond(toArea))
                .as("creates to %s in the busiest second", prefix)
                .isLessThanOrEqualTo(2));
        // Work waited all along: the account's rate was used, not wasted (23 gaps of a quarter second and a bit).
        Duration span =
                Duration.between(creates.getFirst().at(), creates.getLast().at());
        assertThat(span).isBetween(Duration.ofMillis(5_750), Duration.ofMillis(7_500));
    }

    @Test
    void whenThreeCallsHoldTheAccountsSlotsThenTheNextIsDialedOnlyWhenBillingSettlesOne() {
        String account = accountOn(SLOTTED);
        IntStream.range(0, 7).forEach(n -> request(account, "+1415555013" + n));

        await().atMost(Duration.ofSeconds(30)).until(() -> createsOn(SLOTTED).size() >= 3);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> createsOn(SLOTTED).size() == 3);

        for (int settledCalls = 0; settledCalls < 4; settledCalls++) {
            int before = createsOn(SLOTTED).size();
            var placed = placedOutcomes();
            BillingSettlements.notCharged(kafka, placed.get(settledCalls));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> createsOn(SLOTTED).size() == before + 1);
        }
        assertThat(createsOn(SLOTTED)).hasSize(7);
    }

    @Test
    void whenTwilioAnswersTooManyRequestsThenTheAccountPausesAndTheCallIsPlacedLater() {
        String account = accountOn(THROTTLED);
        String throttledNumber = "+14155550141";
        TWILIO.script(
                throttledNumber,
                Reply.error(429, 20429, "Too Many Requests"),
                Reply.error(429, 20429, "Too Many Requests"));

        String first = request(account, throttledNumber);
        await().atMost(Duration.ofSeconds(30)).until(() -> !createsOn(THROTTLED).isEmpty());
        Instant firstRefusal = createsOn(THROTTLED).getFirst().at();
        String second = request(account, "+12125550142");

        var settled = SettledRequests.await(outcomes, List.of(first, second));
        assertThat(settled.values())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(Outcome.PLACED));
        List<Instant> attempts = createsOn(THROTTLED).stream()
                .filter(create -> create.param("To").equals(throttledNumber))
                .map(Received::at)
                .toList();
        assertThat(attempts).hasSize(3);
        // 500 ms after the first refusal, twice that after the second (the backoff doubles).
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(480));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(980));
        Instant secondSent = createsOn(THROTTLED).stream()
                .filter(create -> create.param("To").equals("+12125550142"))
                .map(Received::at)
                .findFirst()
                .orElseThrow();
        assertThat(Duration.between(firstRefusal, secondSent))
                .as("the account was paused for everyone, not only for the refused call")
                .isGreaterThanOrEqualTo(Duration.ofMillis(480));
    }

    @Test
    void whenAQueuedRequestIsCancelledBeforeItsTurnThenItIsRejectedAndNeverDialed() {
        String account = accountOn(SINGLE);
        String holding = request(account, "+14155550151");
        await().atMost(Duration.ofSeconds(30)).until(() -> createsOn(SINGLE).size() == 1);
        String waiting = request(account, "+14155550152");
        String after = request(account, "+14155550153");
        // The cancellation travels another topic than the request: it must find the request received.
        try (TopicReader<CloudEvent> queue = TopicReader.cloudEvents(Topic.DIALER_QUEUE.topicName())) {
            queue.await(record -> waiting.equals(record.value().getSubject()), queued -> !queued.isEmpty());
        }

        var cancelled = new CallRequestCancelled(waiting, account, Instant.now(), "ops@example.com");
        kafka.send(
                Topic.DIALER_REQUESTS,
                account,
                kafka.signAs(
                        EventProducers.CAMPAIGN_DIALER,
                        EventTypes.CALL_REQUEST_CANCELLED,
                        EventIds.of("call-request-cancelled", waiting),
                        waiting,
                        cancelled.cancelledAt(),
                        cancelled));

        CallRequestOutcome rejected =
                SettledRequests.await(outcomes, List.of(waiting)).get(waiting);
        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rejected.reason()).startsWith("cancelled by ops@example.com");
        BillingSettlements.notCharged(
                kafka, SettledRequests.await(outcomes, List.of(holding)).get(holding));
        assertThat(SettledRequests.await(outcomes, List.of(after)).get(after).outcome())
                .as("the slot the first call freed went to the request behind the cancelled one")
                .isEqualTo(Outcome.PLACED);
        assertThat(createsOn(SINGLE)).map(create -> create.param("To")).containsExactly("+14155550151", "+14155550153");
    }

    private static List<String> arrivals(List<Received> creates) {
        return creates.stream()
                .map(create -> create.at() + " " + create.param("To"))
                .toList();
    }

    /** The most creates any half-open second starting at one of them holds. */
    private static int busiestSecond(List<Received> creates) {
        List<Instant> at = creates.stream().map(Received::at).sorted().toList();
        int busiest = 0;
        for (int i = 0; i < at.size(); i++) {
            Instant end = at.get(i).plusSeconds(1);
            int inWindow = 0;
            for (int j = i; j < at.size() && at.get(j).isBefore(end); j++) {
                inWindow++;
            }
            busiest = Math.max(busiest, inWindow);
        }
        return busiest;
    }

    /** The requests the fake Twilio created calls for, with their outcomes, in the order they were created. */
    private static List<CallRequestOutcome> placedOutcomes() {
        List<String> created = createsOn(SLOTTED).stream()
                .map(create -> requestIdOf(create.param("Url")))
                .toList();
        Map<String, CallRequestOutcome> settled = SettledRequests.await(outcomes, created);
        return created.stream().map(settled::get).toList();
    }

    /** The voice URL ends in {@code /outbound/{requestId}/voice}. */
    private static String requestIdOf(String voiceUrl) {
        String[] parts = voiceUrl.replaceFirst("#.*$", "").split("/");
        return parts[parts.length - 2];
    }

    private static List<Received> createsOn(String sid) {
        return TWILIO.creates().stream()
                .filter(create -> sid.equals(create.accountSid()))
                .toList();
    }

    private static String accountOn(String twilioAccountSid) {
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        DialableAccounts.configure(
                kafka, account, CallRequests.FROM, "asst-1", twilioAccountSid, FakeTwilioServer.AUTH_TOKEN);
        DialableAccounts.wallet(kafka, account, "1000.00", "0.05", 1);
        return account;
    }

    private static String request(String account, String to) {
        var request = CallRequests.valid().with("accountId", account).with("to", to);
        kafka.sendBytes(Topic.CALL_REQUESTS, request.requestId(), request.json());
        return request.requestId();
    }
}
