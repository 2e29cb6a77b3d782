package io.switchboard.calllog.call.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoTimeoutException;
import io.switchboard.calllog.call.domain.CallLogReader;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.calllog.web.CallLogAccess;
import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.security.ApiSecurityAutoConfiguration;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

@WebFluxTest(CallController.class)
@Import(CallLogAccess.class)
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class CallControllerWebFluxTests {

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.registerTokenIssuer(registry);
    }

    private static final CallRecord CALL = new CallRecord(
            "CA1",
            "acme",
            "outbound",
            "+14155550100",
            "+14155550199",
            "asst-1",
            "req-1",
            Map.of("customer", "Ada Lovelace"),
            "completed",
            List.of(
                    new CallRecord.Transition("queued", Instant.parse("2026-11-02T10:00:00Z"), 0),
                    new CallRecord.Transition("completed", Instant.parse("2026-11-02T10:00:52Z"), 4)),
            42,
            "machine_end_beep",
            Instant.parse("2026-11-02T10:00:00Z"),
            Instant.parse("2026-11-02T10:00:52Z"),
            new CallRecord.Recording("RE1", "https://example.test/RE1", 41, "completed"),
            new CallRecord.Cost(new BigDecimal("0.0140"), "USD", 1, new BigDecimal("0.0140")),
            Instant.parse("2026-11-02T10:01:00Z"));

    @Autowired
    WebTestClient client;

    @MockitoBean
    CallLogReader calls;

    @MockitoBean
    AuditTrail audit;

    @BeforeEach
    void auditClock() {
        given(audit.now()).willReturn(Instant.parse("2026-11-03T09:00:00Z"));
    }

    /** Unless a test says otherwise: an analyst of acme allowed to see personal data. */
    @BeforeEach
    void actAsAcmeAnalyst() {
        client = as(TestTokens.forAccount("acme", Scope.CALLS_READ, Scope.CALLS_PII));
    }

    private WebTestClient as(String token) {
        return client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            status=dialing                                         | status
            from=last-week                                         | from
            to=2026-13-01T00:00:00Z                                | to
            from=2026-11-30T00:00:00Z&to=2026-11-01T00:00:00Z      | from
            size=0                                                 | size
            size=501                                               | size
            size=ten                                               | size
            page=-1                                                | page
            """)
    void whenQueryParameterIsBadThenProblemNamesIt(String query, String parameter) {
        client.get()
                .uri("/api/calls?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.field")
                .isEqualTo(parameter)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(parameter));
        verifyNoInteractions(calls);
    }

    @Test
    void whenFiltersGivenThenRepositoryGetsThemAndPageIsReturned() {
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(CALL), 1, 20, 21)));

        client.get()
                .uri("/api/calls?status=completed&accountId=acme&from=2026-11-01T00:00:00Z"
                        + "&to=2026-11-30T00:00:00Z&page=1&size=20")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].callId")
                .isEqualTo("CA1")
                .jsonPath("$.items[0].answeredBy")
                .isEqualTo("machine_end_beep")
                .jsonPath("$.page")
                .isEqualTo(1)
                .jsonPath("$.size")
                .isEqualTo(20)
                .jsonPath("$.total")
                .isEqualTo(21);

        var query = ArgumentCaptor.forClass(CallQuery.class);
        verify(calls).search(query.capture());
        assertThat(query.getValue().accountId()).contains("acme");
        assertThat(query.getValue().from()).contains(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void whenCallExistsThenItIsReturnedWithIsoInstants() {
        given(calls.findCall("acme", "CA1")).willReturn(Mono.just(CALL));

        client.get()
                .uri("/api/calls/CA1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.callId")
                .isEqualTo("CA1")
                .jsonPath("$.startedAt")
                .isEqualTo("2026-11-02T10:00:00Z")
                .jsonPath("$.timeline[1].at")
                .isEqualTo("2026-11-02T10:00:52Z")
                .jsonPath("$.recording.url")
                .isEqualTo("https://example.test/RE1")
                .jsonPath("$.metadata.customer")
                .isEqualTo("Ada Lovelace")
                .jsonPath("$.cost.amount")
                .isEqualTo(0.014)
                .jsonPath("$.answeredBy")
                .isEqualTo("machine_end_beep");
    }

    @Test
    void whenCallUnknownThen404Problem() {
        given(calls.findCall("acme", "CA404")).willReturn(Mono.empty());

        client.get()
                .uri("/api/calls/CA404")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void whenMongoFailsThen503WithoutItsDetails() {
        given(calls.search(any()))
                .willReturn(Mono.error(
                        new MongoTimeoutException("Timed out while waiting for a server at mongo-0.internal:27017")));

        client.get()
                .uri("/api/calls")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("mongo-0", "27017", "Timed out"));
    }

    @Test
    void whenTokenLacksPiiScopeThenNumbersMaskedAndRecordingAddressAndMetadataWithheldButWhoAnsweredShown() {
        given(calls.findCall("acme", "CA1")).willReturn(Mono.just(CALL));
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(CALL), 0, 50, 1)));
        var analyst = as(TestTokens.forAccount("acme", Scope.CALLS_READ));

        analyst.get()
                .uri("/api/calls/CA1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo("+*********00")
                .jsonPath("$.to")
                .isEqualTo("+*********99")
                .jsonPath("$.recording.recordingId")
                .isEqualTo("RE1")
                .jsonPath("$.recording.url")
                .doesNotExist()
                .jsonPath("$.metadata")
                .doesNotExist()
                .jsonPath("$.answeredBy")
                .isEqualTo("machine_end_beep");
        analyst.get()
                .uri("/api/calls")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .doesNotContain("+14155550100", "+14155550199", "https://example.test", "Ada Lovelace")
                        .contains("\"answeredBy\":\"machine_end_beep\""));
    }

    @Test
    void whenTenantSearchesThenHeldToItsOwnAccount() {
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(), 0, 50, 0)));

        client.get()
                .uri("/api/calls?status=completed")
                .exchange()
                .expectStatus()
                .isOk();

        var query = ArgumentCaptor.forClass(CallQuery.class);
        verify(calls).search(query.capture());
        assertThat(query.getValue().accountId()).contains("acme");
    }

    @Test
    void whenTenantNamesAnotherAccountThen404AndNothingRead() {
        client.get()
                .uri("/api/calls?accountId=globex")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/api/calls/CA1?accountId=globex")
                .exchange()
                .expectStatus()
                .isNotFound();

        verifyNoInteractions(calls);
    }

    @Test
    void whenOperatorSearchesThenAnyAccountOrAll() {
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(), 0, 50, 0)));
        given(calls.findCall("globex", "CA1")).willReturn(Mono.just(CALL));
        var operator = as(TestTokens.operator());

        operator.get().uri("/api/calls").exchange().expectStatus().isOk();
        operator.get()
                .uri("/api/calls/CA1?accountId=globex")
                .exchange()
                .expectStatus()
                .isOk();
        operator.get().uri("/api/calls/CA1").exchange().expectStatus().isNotFound();

        var query = ArgumentCaptor.forClass(CallQuery.class);
        verify(calls).search(query.capture());
        assertThat(query.getValue().accountId()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenCallsAreReadWithPiiThenEachReadIsAuditedBeforeTheAnswer() {
        given(calls.findCall("acme", "CA1")).willReturn(Mono.just(CALL));
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(CALL, CALL), 0, 50, 2)));

        client.get().uri("/api/calls/CA1").exchange().expectStatus().isOk();
        client.get()
                .uri("/api/calls?status=completed")
                .exchange()
                .expectStatus()
                .isOk();

        var entries = ArgumentCaptor.forClass(List.class);
        verify(audit, org.mockito.Mockito.times(2)).record(entries.capture());
        List<AuditRecorded> lookup = entries.getAllValues().get(0);
        List<AuditRecorded> search = entries.getAllValues().get(1);
        assertThat(lookup).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("calls.read-pii");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(entry.subject()).isEqualTo("test-client");
            assertThat(entry.accountId()).isEqualTo("acme");
            assertThat(entry.resource()).isEqualTo("/api/calls/CA1");
            assertThat(entry.records()).isEqualTo(1);
        });
        assertThat(search).singleElement().satisfies(entry -> {
            assertThat(entry.resource()).isEqualTo("/api/calls?accountId=acme&status=completed&page=0&size=50");
            assertThat(entry.records()).isEqualTo(2);
            assertThat(entry.toString()).doesNotContain("+14155550100", "https://example.test");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenAnOperatorSearchesEveryAccountWithPiiThenEachAccountReadIsAnEntry() {
        CallRecord globex = new CallRecord(
                "CA2", "globex", "inbound", null, null, null, null, Map.of(), "busy", List.of(), null, null, null, null,
                null, null, null);
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(CALL, globex, CALL), 0, 50, 3)));

        as(TestTokens.operator(Scope.CALLS_PII))
                .get()
                .uri("/api/calls")
                .exchange()
                .expectStatus()
                .isOk();

        var entries = ArgumentCaptor.forClass(List.class);
        verify(audit).record(entries.capture());
        assertThat((List<AuditRecorded>) entries.getValue())
                .extracting(entry -> entry.accountId() + ":" + entry.records() + ":" + entry.actorAccountId())
                .containsExactly("acme:2:null", "globex:1:null");
    }

    @Test
    void whenTheTokenLacksPiiThenNothingIsAudited() {
        given(calls.findCall("acme", "CA1")).willReturn(Mono.just(CALL));
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(CALL), 0, 50, 1)));
        var analyst = as(TestTokens.forAccount("acme", Scope.CALLS_READ));

        analyst.get().uri("/api/calls/CA1").exchange().expectStatus().isOk();
        analyst.get().uri("/api/calls").exchange().expectStatus().isOk();
        analyst.get()
                .uri("/api/calls?accountId=globex")
                .exchange()
                .expectStatus()
                .isNotFound();

        verify(audit, never()).record(anyList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenATenantWithPiiNamesAnotherAccountThenTheRefusalIsAudited() {
        client.get()
                .uri("/api/calls/CA1?accountId=globex")
                .exchange()
                .expectStatus()
                .isNotFound();

        var entries = ArgumentCaptor.forClass(List.class);
        verify(audit).record(entries.capture());
        assertThat((List<AuditRecorded>) entries.getValue()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(entry.accountId()).isEqualTo("globex");
            assertThat(entry.actorAccountId()).isEqualTo("acme");
        });
        verifyNoInteractions(calls);
    }

    @Test
    void whenAPiiReadCannotBeAuditedThen503AndNothingPersonalIsServed() {
        given(calls.findCall("acme", "CA1")).willReturn(Mono.just(CALL));
        given(calls.search(any())).willReturn(Mono.just(new CallPage(List.of(CALL), 0, 50, 1)));
        willThrow(new PublishFailedException("broker away", null)).given(audit).record(anyList());

        for (String uri : List.of("/api/calls/CA1", "/api/calls")) {
            client.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain("+14155550100", "https://example.test", "broker"));
        }
    }
}
