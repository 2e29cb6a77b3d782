package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.dialer.support.BillingSettlements;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerTestPacing;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Received;
import io.switchboard.dialer.support.SettledRequests;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DialableAccounts;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Campaigns over the dialer's API on the real broker: contacts uploaded as JSON or CSV become one call each
 * (deduplicated, from a local number), no more at once than the campaign allows, none while it is paused, none
 * once it is cancelled; its progress counts them; bad definitions and uploads get a 400 naming the field.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.dialer.ingress-base-url=https://ingress.example.com",
            "switchboard.dialer.intake.publishers.internal.principal=User:ANONYMOUS",
            "switchboard.dialer.intake.publishers.internal.topic=" + Topic.Names.CALL_REQUESTS,
            "switchboard.dialer.intake.publishers.internal.accounts=*",
            "switchboard.dialer.intake.verify-acls=false"
        })
@AutoConfigureWebTestClient
class CampaignApiIT {

    private static final String NEW_YORK = "+12125550123";

    private static final FakeTwilioServer TWILIO = FakeTwilioServer.start();

    private static SignedEvents kafka;
    private static TopicReader<byte[]> outcomes;

    @Autowired
    WebTestClient web;

    String owner;
    String write;
    String read;

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
    void account() {
        if (outcomes == null) {
            outcomes = TopicReader.bytes(Topic.CALL_OUTCOMES.topicName());
        }
        // A connection per request: Reactor Netty 1.3.7 can stop reading a kept-alive one (docs/architecture.md).
        web = web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.CONNECTION, "close")
                .build();
        owner = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        DialableAccounts.configure(
                kafka,
                owner,
                List.of(CallRequests.FROM, NEW_YORK),
                "asst-1",
                FakeTwilioServer.ACCOUNT_SID,
                FakeTwilioServer.AUTH_TOKEN);
        DialableAccounts.wallet(kafka, owner, "100.00", "0.05", 1);
        write = TestTokens.forAccount(owner, Scope.CALLS_WRITE);
        read = TestTokens.forAccount(owner, Scope.CALLS_READ);
    }

    @Test
    void whenContactsAreUploadedAsCsvThenEachDistinctNumberIsCalledOnceFromALocalNumber() {
        create(Map.of("campaignId", "renewals", "name", "Renewals", "callerIds", List.of(CallRequests.FROM, NEW_YORK)))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/campaigns/renewals");
        String csv = """
                number,name,timeZone,plan
                +14155550171,Ada,,gold
                +1 415 555 0171,Ada again,,gold
                +12125550172,Grace,America/New_York,silver
                """;

        web.post()
                .uri("/api/campaigns/renewals/contacts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.uploaded")
                .isEqualTo(3)
                .jsonPath("$.distinct")
                .isEqualTo(2);

        var placed = SettledRequests.await(outcomes, List.of("renewals:14155550171", "renewals:12125550172"));
        assertThat(placed.values())
                .allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(Outcome.PLACED));
        List<Received> calls = TWILIO.callsFor(owner);
        assertThat(calls).hasSize(2);
        assertThat(calls)
                .filteredOn(call -> call.param("To").equals("+12125550172"))
                .singleElement()
                .satisfies(call -> assertThat(call.param("From")).isEqualTo(NEW_YORK));
        assertThat(calls)
                .filteredOn(call -> call.param("To").equals("+14155550171"))
                .singleElement()
                .satisfies(call -> assertThat(call.param("From")).isEqualTo(CallRequests.FROM));

        BillingSettlements.notCharged(kafka, placed.get("renewals:14155550171"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get("renewals")
                        .expectBody()
                        .jsonPath("$.progress.contacts")
                        .isEqualTo(2)
                        .jsonPath("$.progress.inProgress")
                        .isEqualTo(1)
                        .jsonPath("$.progress.done.busy")
                        .isEqualTo(1)
                        .jsonPath("$.progress.attempts")
                        .isEqualTo(2));
        assertThat(TWILIO.callsFor(owner)).hasSize(2);
    }

    @Test
    void whenACampaignAllowsTwoCallsAtOnceThenTheThirdContactWaitsForOneToEnd() {
        create(Map.of(
                        "campaignId",
                        "two-at-once",
                        "name",
                        "Two at once",
                        "callerIds",
                        List.of(CallRequests.FROM),
                        "maxConcurrentCalls",
                        2,
                        "contacts",
                        contacts("+14155550181", "+14155550182", "+14155550183")))
                .expectStatus()
                .isCreated();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TWILIO.callsFor(owner).size() == 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> TWILIO.callsFor(owner).size() == 2);
        get("two-at-once").expectBody().jsonPath("$.progress.pending").isEqualTo(1);

        String first =
                "two-at-once:" + TWILIO.callsFor(owner).getFirst().param("To").substring(1);
        BillingSettlements.notCharged(
                kafka, SettledRequests.await(outcomes, List.of(first)).get(first));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TWILIO.callsFor(owner).size() == 3);
    }

    @Test
    void whenACampaignIsPausedThenNoContactIsCalledUntilItIsResumed() {
        create(Map.of(
                        "campaignId",
                        "paused",
                        "name",
                        "Paused",
                        "callerIds",
                        List.of(CallRequests.FROM),
                        "maxConcurrentCalls",
                        1,
                        "contacts",
                        contacts("+14155550191", "+14155550192")))
                .expectStatus()
                .isCreated();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TWILIO.callsFor(owner).size() == 1);

        statusChange("paused", "pause", "{\"reason\":\"checking the script\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("paused")
                .jsonPath("$.statusReason")
                .value(reason -> assertThat((String) reason).contains("checking the script"));
        String first = "paused:" + TWILIO.callsFor(owner).getFirst().param("To").substring(1);
        BillingSettlements.notCharged(
                kafka, SettledRequests.await(outcomes, List.of(first)).get(first));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TWILIO.callsFor(owner).size() == 1);

        statusChange("paused", "resume", null).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TWILIO.callsFor(owner).size() == 2);
    }

    @Test
    void whenTooManyOfItsCallsFailThenTheCampaignPausesItselfWithTheReason() {
        create(Map.of(
                        "campaignId",
                        "failing",
                        "name",
                        "Failing",
                        "callerIds",
                        List.of(CallRequests.FROM),
                        "maxConcurrentCalls",
                        2,
                        "autoPause",
                        Map.of("failureRate", 0.5, "minCalls", 2, "windowMinutes", 5),
                        "contacts",
                        contacts("+14155550221", "+14155550222", "+14155550223", "+14155550224")))
                .expectStatus()
                .isCreated();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TWILIO.callsFor(owner).size() == 2);

        List<String> first = TWILIO.callsFor(owner).stream()
                .map(call -> "failing:" + call.param("To").substring(1))
                .toList();
        var placed = SettledRequests.await(outcomes, first);
        first.forEach(requestId -> BillingSettlements.notCharged(kafka, placed.get(requestId), "failed"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get("failing")
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("paused")
                        .jsonPath("$.statusReason")
                        .value(reason -> assertThat((String) reason)
                                .contains("2 of the 2 calls that ended in the last 5 minutes failed"))
                        .jsonPath("$.progress.done.failed")
                        .isEqualTo(2));
        // A contact let go when the first failure freed its slot, before the second paused the campaign, is dialed;
        // none after.
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        int atPause = TWILIO.callsFor(owner).size();
        assertThat(atPause).isLessThanOrEqualTo(3);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TWILIO.callsFor(owner).size() == atPause);
    }

    @Test
    void whenACampaignIsCancelledThenNoneOfItsContactsIsEverCalled() {
        create(Map.of(
                        "campaignId", "cancelled",
                        "name", "Cancelled",
                        "callerIds", List.of(CallRequests.FROM),
                        "startAt", Instant.now().plusSeconds(3600).toString(),
                        "contacts", contacts("+14155550201", "+14155550202")))
                .expectStatus()
                .isCreated();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get("cancelled")
                        .expectBody()
                        .jsonPath("$.progress.pending")
                        .isEqualTo(2));

        statusChange("cancelled", "cancel", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("cancelled");

        var rejected = SettledRequests.await(outcomes, List.of("cancelled:14155550201", "cancelled:14155550202"));
        assertThat(rejected.values()).allSatisfy(outcome -> {
            assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(outcome.reason()).startsWith("cancelled by ");
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get("cancelled")
                        .expectBody()
                        .jsonPath("$.progress.skipped.cancelled")
                        .isEqualTo(2));
        statusChange("cancelled", "resume", null).expectStatus().isEqualTo(409);
        web.post()
                .uri("/api/campaigns/cancelled/contacts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(contacts("+14155550203"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(TWILIO.callsFor(owner)).isEmpty();
    }

    @Test
    void whenADefinitionOrAnUploadIsInvalidThenA400NamesTheFieldAndNothingIsRecorded() {
        assertField(
                Map.of("campaignId", "no spaces", "name", "x", "callerIds", List.of(CallRequests.FROM)), "campaignId");
        assertField(Map.of("campaignId", "c", "name", "x", "callerIds", List.of("+14155550999")), "callerIds[0]");
        assertField(Map.of("campaignId", "c", "name", "x", "callerIds", List.of()), "callerIds");
        assertField(
                Map.of(
                        "campaignId",
                        "c",
                        "name",
                        "x",
                        "callerIds",
                        List.of(CallRequests.FROM),
                        "callingWindow",
                        Map.of("days", List.of("MON"), "start", "25:00", "end", "20:00")),
                "callingWindow.start");
        assertField(
                Map.of(
                        "campaignId",
                        "c",
                        "name",
                        "x",
                        "callerIds",
                        List.of(CallRequests.FROM),
                        "contacts",
                        contacts("+14155550211", "12345")),
                "contacts[1].number");
        assertField(
                Map.of(
                        "campaignId",
                        "c",
                        "name",
                        "x",
                        "callerIds",
                        List.of(CallRequests.FROM),
                        "maxConcurrentCalls",
                        0),
                "maxConcurrentCalls");
        get("c").expectStatus().isNotFound();

        create(Map.of("campaignId", "c", "name", "x", "callerIds", List.of(CallRequests.FROM)))
                .expectStatus()
                .isCreated();
        create(Map.of("campaignId", "c", "name", "x", "callerIds", List.of(CallRequests.FROM)))
                .expectStatus()
                .isEqualTo(409);
        web.post()
                .uri("/api/campaigns/c/contacts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("phone,name\n+14155550212,Ada\n")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("contacts");
        web.get()
                .uri("/api/campaigns/c")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.forAccount("acct-" + UUID.randomUUID(), Scope.CALLS_READ))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(TWILIO.callsFor(owner)).isEmpty();
    }

    private void assertField(Map<String, Object> definition, String field) {
        create(definition)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo(field);
    }

    private static List<Map<String, String>> contacts(String... numbers) {
        return Arrays.stream(numbers).map(number -> Map.of("number", number)).toList();
    }

    private WebTestClient.ResponseSpec create(Map<String, Object> definition) {
        return web.post()
                .uri("/api/campaigns")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(definition)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String campaignId) {
        return web.get()
                .uri("/api/campaigns/" + campaignId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + read)
                .exchange();
    }

    private WebTestClient.ResponseSpec statusChange(String campaignId, String action, String body) {
        var request = web.post()
                .uri("/api/campaigns/" + campaignId + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }
}
