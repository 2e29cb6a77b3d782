package io.switchboard.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.CallLogFixture.ThreeCalls;
import io.switchboard.calllog.audit.domain.AuditEntry;
import io.switchboard.calllog.audit.domain.AuditPage;
import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit trail in the call log, on the real broker: reads of personal data are recorded before they are
 * answered, every service's entries on audit.v1 are kept once each, and operators alone query them.
 */
class AuditTrailIT extends CallLogIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant AT = Instant.parse("2026-11-03T09:00:00Z");

    @Test
    void whenCallsAreReadWithPiiThenEachReadIsAnEntryOfItsReaderAndReadsWithoutPiiAreNot() {
        // given an account's logged calls
        ThreeCalls calls = fixture.publishThreeCalls(CallEvents.newAccountId());
        fixture.awaitThreeCallsLogged(calls);
        String account = calls.accountId();

        // when its analysts read them, first without calls:pii, then with it
        String masked = reader(account, "masked-" + account, Scope.CALLS_READ);
        String pii = reader(account, "pii-" + account, Scope.CALLS_READ, Scope.CALLS_PII);
        for (String token : List.of(masked, pii)) {
            get("/api/calls?size=10", token).expectStatus().isOk();
            get("/api/calls/" + calls.answered(), token).expectStatus().isOk();
        }

        // then the two reads with calls:pii are on the trail (after any of the masked reads, in one partition)
        List<AuditEntry> entries = awaitEntries(
                "accountId=" + account + "&action=calls.read-pii",
                found -> found.stream()
                                .filter(e -> ("pii-" + account).equals(e.subject()))
                                .count()
                        == 2);
        assertThat(entries).noneMatch(entry -> ("masked-" + account).equals(entry.subject()));
        assertThat(entries)
                .filteredOn(entry -> ("pii-" + account).equals(entry.subject()))
                .extracting(entry -> entry.resource() + " " + entry.records())
                .containsExactlyInAnyOrder(
                        "/api/calls?accountId=" + account + "&page=0&size=10 3",
                        "/api/calls/" + calls.answered() + " 1");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.outcome()).isEqualTo("succeeded");
            assertThat(entry.actorAccountId()).isEqualTo(account);
            assertThat(entry.source()).isEqualTo("/switchboard/call-log-service");
            assertThat(entry.toString()).doesNotContain("+1415555");
        });
    }

    @Test
    void whenOtherServicesRecordEntriesThenEachIsKeptOnceAndOperatorsFindThemByActionAndTime() {
        // given an account change as the orchestrator records it (delivered twice) and a top-up as billing does
        String account = CallEvents.newAccountId();
        CloudEvent change = signed(
                EventProducers.CALL_ORCHESTRATOR,
                new AuditRecorded(
                        "account.updated",
                        AuditOutcome.SUCCEEDED,
                        "alice@" + account,
                        account,
                        account,
                        "/api/accounts/" + account,
                        List.of("numbers", "credentials"),
                        List.of("numbers: +14155****00 added", "providers.twilio.authToken: replaced"),
                        null,
                        AT));
        CloudEvent topUp = signed(
                EventProducers.BILLING_SERVICE,
                new AuditRecorded(
                        "wallet.topped-up",
                        AuditOutcome.SUCCEEDED,
                        "bob@" + account,
                        account,
                        account,
                        "/api/wallets/" + account + "/top-ups",
                        List.of("wallet"),
                        List.of("topUpId: t-1", "wallet: +25.00 USD, balance 25.00 USD"),
                        null,
                        AT.plusSeconds(3600)));

        // when
        events.send(Topic.AUDIT, account, change, change, topUp);

        // then an operator finds both, newest first, the change once
        List<AuditEntry> all = awaitEntries("accountId=" + account, found -> found.size() == 2);
        assertThat(all).extracting(AuditEntry::action).containsExactly("wallet.topped-up", "account.updated");
        assertThat(all.get(1)).satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(change.getId());
            assertThat(entry.subject()).isEqualTo("alice@" + account);
            assertThat(entry.parts()).containsExactly("numbers", "credentials");
            assertThat(entry.changes()).contains("providers.twilio.authToken: replaced");
            assertThat(entry.occurredAt()).isEqualTo(AT);
            assertThat(entry.source()).isEqualTo("/test");
        });
        assertThat(page("accountId=" + account + "&action=account.updated").items())
                .extracting(AuditEntry::id)
                .containsExactly(change.getId());
        assertThat(page("accountId=" + account + "&from=" + AT.plusSeconds(1) + "&to=" + AT.plusSeconds(7200))
                        .items())
                .extracting(AuditEntry::action)
                .containsExactly("wallet.topped-up");
        AuditPage second = page("accountId=" + account + "&page=1&size=1");
        assertThat(second.items()).extracting(AuditEntry::action).containsExactly("account.updated");
        assertThat(second.total()).isEqualTo(2);
    }

    @Test
    void whenAnEntryIsInvalidMisfiledOrSignedByAnotherServiceThenItIsNotKeptAndLaterEntriesAre() {
        // given
        String account = CallEvents.newAccountId();
        String other = CallEvents.newAccountId();
        AuditRecorded valid = entry(account, "calls.read-pii");

        // when an entry without an action, one filed under another account, one signed by the ingress, then a valid one
        events.send(Topic.AUDIT, account, signed(EventProducers.BILLING_SERVICE, entry(account, null)));
        events.send(Topic.AUDIT, other, signed(EventProducers.BILLING_SERVICE, valid));
        CloudEvent fence = signed(EventProducers.BILLING_SERVICE, entry(other, "calls.read-pii"));
        events.send(Topic.AUDIT, other, fence);
        events.send(
                Topic.AUDIT,
                account,
                events.signAs(
                        EventProducers.WEBHOOK_INGRESS,
                        EventTypes.AUDIT_RECORDED,
                        EventIds.of("test-audit", UUID.randomUUID().toString()),
                        account,
                        AT,
                        valid));
        CloudEvent last = signed(EventProducers.CALL_LOG_SERVICE, valid);
        events.send(Topic.AUDIT, account, last);

        // then only the last is kept; the unusable ones are dead-lettered with their reason, the misfiled one
        // refused (the entry behind it on its partition is kept, it is not)
        awaitEntries("accountId=" + other, found -> !found.isEmpty());
        List<AuditEntry> kept = awaitEntries("accountId=" + account, found -> !found.isEmpty());
        assertThat(kept).extracting(AuditEntry::id).containsExactly(last.getId());
        assertThat(page("accountId=" + other).items())
                .extracting(AuditEntry::id)
                .containsExactly(fence.getId());
        var deadLetters = new DeadLetterTopics(SharedKafkaBroker.bootstrapServers());
        await().atMost(WAIT)
                .until(() -> deadLetters
                                .withKeys(List.of(Topic.AUDIT), Set.of(account))
                                .size()
                        == 2);
        assertThat(deadLetters.withKeys(List.of(Topic.AUDIT), Set.of(account)))
                .extracting(record -> DeadLetterTopics.header(record, DeadLetterTopics.EXCEPTION_MESSAGE))
                .anySatisfy(reason -> assertThat(reason).contains("has no action"))
                .anySatisfy(reason -> assertThat(reason).contains("may be signed only by"));
    }

    @Test
    void whenTheTrailIsAskedForWithoutTheOperatorScopeThen403AndWithoutATokenThen401() {
        String account = CallEvents.newAccountId();

        get("/api/audit?accountId=" + account, TestTokens.forAccount(account, TestTokens.allScopesBut(Scope.OPERATOR)))
                .expectStatus()
                .isForbidden();
        client.get()
                .uri("/api/audit?accountId=" + account)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
        get("/api/audit?accountId=" + account, TestTokens.operator())
                .expectStatus()
                .isOk();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            action=account.purged                                  | action
            accountId=                                             | accountId
            from=last-week                                         | from
            from=2026-11-30T00:00:00Z&to=2026-11-01T00:00:00Z      | from
            from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z      | to
            size=501                                               | size
            page=-1                                                | page
            page=20&size=500                                       | page
            """)
    void whenAQueryParameterIsBadThen400NamesIt(String query, String parameter) {
        get("/api/audit?" + query, TestTokens.operator())
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo(parameter);
    }

    private CloudEvent signed(String producer, AuditRecorded entry) {
        String key = entry.accountId();
        return events.signAs(
                producer,
                EventTypes.AUDIT_RECORDED,
                EventIds.of("test-audit", UUID.randomUUID().toString()),
                key,
                entry.occurredAt(),
                entry);
    }

    private static AuditRecorded entry(String account, String action) {
        return new AuditRecorded(
                action,
                AuditOutcome.SUCCEEDED,
                "carol",
                account,
                account,
                "/api/calls?accountId=" + account + "&page=0&size=50",
                List.of(),
                List.of(),
                0,
                AT);
    }

    private List<AuditEntry> awaitEntries(String query, Predicate<List<AuditEntry>> until) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> page(query + "&size=500").items(), until);
    }

    private AuditPage page(String query) {
        return get("/api/audit?" + query, TestTokens.operator())
                .expectStatus()
                .isOk()
                .expectBody(AuditPage.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return client.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private static String reader(String account, String subject, Scope... scopes) {
        return TestTokens.token(account, scopes).withSubject(subject).encoded();
    }
}
