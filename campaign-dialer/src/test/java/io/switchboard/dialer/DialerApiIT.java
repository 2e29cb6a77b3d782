package io.switchboard.dialer;

import static io.switchboard.testsupport.ApiAuthorizationMatrix.Endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.switchboard.dialer.support.BillingSettlements;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerTestPacing;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.SettledRequests;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ApiAuthorizationMatrix;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The dialer's HTTP API on the real broker: call requests over HTTP (202 with a Location, then dialed like
 * one from Kafka, at most once) and the do-not-call list (a listed number is never dialed, taken off it is
 * again); each refuses the unauthenticated, the unscoped and other accounts, and bad input with a 400 naming
 * the field.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.dialer.ingress-base-url=https://ingress.example.com",
            "switchboard.dialer.api.request-status-base-url=https://call-log.example.com",
            "switchboard.dialer.intake.publishers.internal.principal=User:ANONYMOUS",
            "switchboard.dialer.intake.publishers.internal.topic=" + Topic.Names.CALL_REQUESTS,
            "switchboard.dialer.intake.publishers.internal.accounts=*",
            "switchboard.dialer.intake.verify-acls=false",
            "switchboard.dialer.schedule.min-interval=1s"
        })
@AutoConfigureWebTestClient
class DialerApiIT {

    private static final FakeTwilioServer TWILIO = FakeTwilioServer.start();

    private static SignedEvents kafka;
    private static TopicReader<byte[]> outcomes;

    @Autowired
    WebTestClient web;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String owner;
    ApiAuthorizationMatrix matrix;

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

    @AfterAll
    static void disconnect() {
        if (outcomes != null) {
            outcomes.close();
        }
        kafka.close();
        TWILIO.close();
    }

    @BeforeEach
    void ownerAndMatrix() {
        if (outcomes == null) {
            outcomes = TopicReader.bytes(Topic.CALL_OUTCOMES.topicName());
        }
        // A connection per request: Reactor Netty 1.3.7 can stop reading a kept-alive one (docs/architecture.md).
        web = web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.CONNECTION, "close")
                .build();
        owner = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        CallRequests.prepareAccount(kafka, owner);
        String campaign =
                "/api/campaigns/spring-" + UUID.randomUUID().toString().substring(0, 8);
        matrix = new ApiAuthorizationMatrix(web)
                // Contacts are uploaded in bulk: the dialer takes bodies of up to 2 MB (application.yml).
                .bodyLimit(2 * 1024 * 1024)
                // A campaign is created in the token's account: another account creates its own, sees only its own.
                .row(Endpoint.of(HttpMethod.POST, "/api/campaigns", "/api/campaigns", null, Scope.CALLS_WRITE)
                        .withBody("{\"campaignId\":\"c1\",\"name\":\"c1\",\"callerIds\":[\"" + CallRequests.FROM
                                + "\"]}"))
                .row(Endpoint.of(HttpMethod.GET, "/api/campaigns", "/api/campaigns", null, Scope.CALLS_READ))
                .row(Endpoint.of(HttpMethod.GET, "/api/campaigns/{campaignId}", campaign, owner, Scope.CALLS_READ))
                .row(Endpoint.of(
                                HttpMethod.POST,
                                "/api/campaigns/{campaignId}/contacts",
                                campaign + "/contacts",
                                owner,
                                Scope.CALLS_WRITE)
                        .withBody("[{\"number\":\"+14155550190\"}]"))
                .row(Endpoint.of(
                                HttpMethod.POST,
                                "/api/campaigns/{campaignId}/pause",
                                campaign + "/pause",
                                owner,
                                Scope.CALLS_WRITE)
                        .withBody("{\"reason\":\"checking the script\"}"))
                .row(Endpoint.of(
                        HttpMethod.POST,
                        "/api/campaigns/{campaignId}/resume",
                        campaign + "/resume",
                        owner,
                        Scope.CALLS_WRITE))
                .row(Endpoint.of(
                                HttpMethod.POST,
                                "/api/campaigns/{campaignId}/cancel",
                                campaign + "/cancel",
                                owner,
                                Scope.CALLS_WRITE)
                        .withBody("{}"))
                .row(Endpoint.of(HttpMethod.POST, "/api/call-requests", "/api/call-requests", owner, Scope.CALLS_WRITE)
                        .withBody(new String(
                                CallRequests.valid().with("accountId", owner).json())))
                // The account is the token's: another account's request of the same id is not reachable by it.
                .row(Endpoint.of(
                        HttpMethod.DELETE,
                        "/api/call-requests/{requestId}",
                        "/api/call-requests/req-" + UUID.randomUUID(),
                        null,
                        Scope.CALLS_WRITE))
                .row(Endpoint.of(
                                HttpMethod.PUT,
                                "/api/do-not-call/{accountId}/{number}",
                                "/api/do-not-call/" + owner + "/+14155550100",
                                owner,
                                Scope.CALLS_WRITE)
                        .withBody("{\"reason\":\"asked not to be called\"}"))
                .row(Endpoint.of(
                        HttpMethod.DELETE,
                        "/api/do-not-call/{accountId}/{number}",
                        "/api/do-not-call/" + owner + "/+14155550100",
                        owner,
                        Scope.CALLS_WRITE))
                .row(Endpoint.of(
                        HttpMethod.GET,
                        "/api/do-not-call/{accountId}/{number}",
                        "/api/do-not-call/" + owner + "/+14155550100",
                        owner,
                        Scope.CALLS_READ,
                        Scope.OPERATOR));
    }

    @Test
    void everyEndpointHasARule() {
        matrix.assertCovers(mappings);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesWhoMayNotUseIt() {
        return matrix.tests("intruder-" + UUID.randomUUID());
    }

    @Test
    void whenARequestIsPostedThenItIsAcceptedWithWhereToFollowItAndDialedOnce() {
        var request = CallRequests.valid().with("accountId", owner).with("to", "+14155550161");

        for (int i = 0; i < 2; i++) {
            post(request.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .location("https://call-log.example.com/api/call-requests/" + request.requestId())
                    .expectBody()
                    .jsonPath("$.requestId")
                    .isEqualTo(request.requestId())
                    .jsonPath("$.status")
                    .isEqualTo("received");
        }

        assertThat(awaitSettled(request.requestId()).outcome()).isEqualTo(Outcome.PLACED);
        assertThat(TWILIO.callsFor(owner)).hasSize(1);
    }

    @Test
    void whenAPostedRequestIsInvalidThenA400NamesTheFieldAndNothingIsDialed() {
        var badNumber = CallRequests.valid().with("accountId", owner).with("to", "12345");

        post(badNumber.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("to");
        post("{not json".getBytes(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("body");
        assertThat(TWILIO.callsFor(owner)).isEmpty();
    }

    @Test
    void whenARequestIsPostedForAnotherAccountThenItIsNotFoundAndNothingIsDialed() {
        String other = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        CallRequests.prepareAccount(kafka, other);
        var request = CallRequests.valid().with("accountId", other);

        post(request.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isNotFound();

        assertThat(TWILIO.callsFor(other)).isEmpty();
    }

    @Test
    void whenAScheduledRequestIsCancelledThenItIsNeverDialedAndItsPublisherHearsWhoCancelledIt() {
        Instant notBefore = Instant.now().plusSeconds(4);
        var request = CallRequests.valid()
                .with("accountId", owner)
                .with("to", "+14155550163")
                .with("notBefore", notBefore.toString());
        post(request.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isAccepted();
        awaitOutcome(request.requestId(), Outcome.SCHEDULED);

        cancel(request.requestId(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("cancelling");

        CallRequestOutcome settled = awaitSettled(request.requestId());
        assertThat(settled.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(settled.reason()).startsWith("cancelled by ");
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(notBefore.plusSeconds(2)));
        assertThat(TWILIO.callsFor(owner)).isEmpty();
    }

    @Test
    void whenAnotherAccountCancelsTheSameRequestIdThenTheOwnersRequestIsStillDialed() {
        String other = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        var request = CallRequests.valid()
                .with("accountId", owner)
                .with("to", "+14155550164")
                .with("notBefore", Instant.now().plusSeconds(3).toString());
        post(request.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isAccepted();
        awaitOutcome(request.requestId(), Outcome.SCHEDULED);

        cancel(request.requestId(), TestTokens.forAccount(other, Scope.CALLS_WRITE))
                .expectStatus()
                .isAccepted();

        assertThat(awaitSettled(request.requestId()).outcome()).isEqualTo(Outcome.PLACED);
        assertThat(TWILIO.callsFor(owner)).hasSize(1);
    }

    @Test
    void whenACallEndsBusyThenItIsDialedAgainAfterItsDelayAsOftenAsItsPolicySays() {
        var request = CallRequests.valid()
                .with("accountId", owner)
                .with("to", "+14155550165")
                .with("retry", Map.of("busy", Map.of("maxAttempts", 2, "delaySeconds", 1)));
        post(request.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isAccepted();
        CallRequestOutcome first = awaitSettled(request.requestId());
        assertThat(first.outcome()).isEqualTo(Outcome.PLACED);

        BillingSettlements.notCharged(kafka, first);

        String second = request.requestId() + ":attempt-2";
        assertThat(awaitOutcome(second, Outcome.SCHEDULED).reason())
                .isEqualTo("attempt 2 of 2 after a busy call (" + request.requestId() + ")");
        CallRequestOutcome again = awaitSettled(second);
        assertThat(again.outcome()).isEqualTo(Outcome.PLACED);
        BillingSettlements.notCharged(kafka, again);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TWILIO.callsFor(owner))
                        .as("two attempts in all")
                        .hasSize(2));
    }

    @Test
    void whenACancelledRequestIdIsMalformedThenA400NamesIt() {
        cancel("x".repeat(129), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("requestId");
    }

    @Test
    void whenAScheduleCannotBeKeptThenA400NamesTheField() {
        var notCron = CallRequests.valid()
                .with("accountId", owner)
                .with("recurrence", Map.of("cron", "every day at nine", "timeZone", "Europe/Berlin"));
        post(notCron.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("recurrence.cron");
        var nowhere = CallRequests.valid()
                .with("accountId", owner)
                .with("recurrence", Map.of("cron", "0 0 9 * * *", "timeZone", "Mars/Olympus_Mons"));
        post(nowhere.json(), TestTokens.forAccount(owner, Scope.CALLS_WRITE))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("recurrence.timeZone");
        assertThat(TWILIO.callsFor(owner)).isEmpty();
    }

    @Test
    void whenANumberIsOnTheDoNotCallListThenItIsNotDialedUntilItIsTakenOff() {
        String number = "+14155550162";
        String write = TestTokens.forAccount(owner, Scope.CALLS_WRITE);

        web.put()
                .uri("/api/do-not-call/{accountId}/{number}", owner, "+1 415-555-0162")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "asked not to be called"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.number")
                .isEqualTo(number)
                .jsonPath("$.reason")
                .isEqualTo("asked not to be called");
        var refused = CallRequests.valid().with("accountId", owner).with("to", number);
        post(refused.json(), write).expectStatus().isAccepted();

        CallRequestOutcome outcome = awaitSettled(refused.requestId());
        assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.field()).isEqualTo("to");
        assertThat(outcome.reason()).isEqualTo("to " + number + " is on the do-not-call list of account " + owner);
        web.get()
                .uri("/api/do-not-call/{accountId}/{number}", owner, number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forAccount(owner, Scope.CALLS_READ))
                .exchange()
                .expectStatus()
                .isOk();

        web.delete()
                .uri("/api/do-not-call/{accountId}/{number}", owner, number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .exchange()
                .expectStatus()
                .isNoContent();
        var allowed = CallRequests.valid().with("accountId", owner).with("to", number);
        post(allowed.json(), write).expectStatus().isAccepted();

        assertThat(awaitSettled(allowed.requestId()).outcome()).isEqualTo(Outcome.PLACED);
        web.get()
                .uri("/api/do-not-call/{accountId}/{number}", owner, number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forAccount(owner, Scope.CALLS_READ))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(TWILIO.callsFor(owner))
                .singleElement()
                .satisfies(call -> assertThat(call.param("To")).isEqualTo(number));
    }

    @Test
    void whenTheNumberOrTheReasonIsBadThenA400NamesIt() {
        String write = TestTokens.forAccount(owner, Scope.CALLS_WRITE);

        web.put()
                .uri("/api/do-not-call/{accountId}/{number}", owner, "not-a-number")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("number");
        web.put()
                .uri("/api/do-not-call/{accountId}/{number}", owner, "+14155550163")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "x".repeat(257)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("reason");
        web.put()
                .uri("/api/do-not-call/{accountId}/{number}", owner, "+14155550163")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": 5")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private WebTestClient.ResponseSpec post(byte[] body, String token) {
        return web.post()
                .uri("/api/call-requests")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec cancel(String requestId, String token) {
        return web.delete()
                .uri("/api/call-requests/" + requestId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private static CallRequestOutcome awaitOutcome(String requestId, Outcome wanted) {
        return outcomes
                .await(
                        record -> requestId.equals(record.key()),
                        seen -> seen.stream()
                                .anyMatch(record -> outcomeOf(record).outcome() == wanted))
                .stream()
                .map(DialerApiIT::outcomeOf)
                .filter(outcome -> outcome.outcome() == wanted)
                .findFirst()
                .orElseThrow();
    }

    private static CallRequestOutcome outcomeOf(ConsumerRecord<String, byte[]> record) {
        return KafkaRecords.verified(record, TestEnvelopes.trusted())
                .orElseThrow()
                .as(EventTypes.CALL_REQUEST_OUTCOME)
                .payload();
    }

    /** The request's outcome once it is placed or rejected. */
    private static CallRequestOutcome awaitSettled(String requestId) {
        return SettledRequests.await(outcomes, List.of(requestId)).get(requestId);
    }
}
