package io.switchboard.orchestrator.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.security.ApiSecurityAutoConfiguration;
import io.switchboard.events.security.Scope;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.account.domain.AccountPublisher;
import io.switchboard.orchestrator.account.domain.AccountService;
import io.switchboard.orchestrator.account.domain.CredentialSealer;
import io.switchboard.orchestrator.account.domain.RecordingAccountPublisher;
import io.switchboard.orchestrator.account.domain.SealedCredential;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(AccountController.class)
@Import({AccountService.class, AccountDirectory.class, AccountControllerTests.Fakes.class, AccountAccess.class})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class AccountControllerTests {

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.registerTokenIssuer(registry);
    }

    static final String ACME = """
            {"name":"Acme","numbers":[{"number":"+14155550100","assistantId":"sales"}],
             "assistants":[{"assistantId":"sales","name":"Sales bot","streamUrl":"wss://assistants.example/sales"}]}
            """;

    static final String TWILIO_TOKEN = "9f3c2a1b0d8e7f6a5b4c3d2e1f0a9b8c";
    static final String VAPI_SECRET = "vapi-server-secret-0123456789";

    @Autowired
    WebTestClient http;

    @Autowired
    Fakes fakes;

    /** The slice's client before any token is added. */
    WebTestClient tokenless;

    /** Each request as an operator who is also the administrator of the account it names. */
    @BeforeEach
    void actAsTheAccountsAdministrator() {
        tokenless = http;
        http = http.mutate()
                .filter(TestTokens.actingForThePathsAccount("/api/accounts/", Scope.OPERATOR, Scope.ACCOUNTS_ADMIN))
                .build();
    }

    @Test
    void whenAccountIsValidThenItIsSavedAndReturned() {
        // when
        put("acme", ACME)
                .expectStatus()
                .isOk()
                // then
                .expectBody()
                .jsonPath("$.accountId")
                .isEqualTo("acme")
                .jsonPath("$.numbers[0].number")
                .isEqualTo("+14155550100")
                .jsonPath("$.assistants[0].streamUrl")
                .isEqualTo("wss://assistants.example/sales")
                .jsonPath("$.configuredAt")
                .isEqualTo("2025-03-01T10:00:00Z");
        http.get()
                .uri("/api/accounts/acme")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Acme");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"Acme\",\"numbers\":[{\"number\":\"4155550100\",\"assistantId\":\"sales\"}],\"assistants\":[{\"assistantId\":\"sales\",\"streamUrl\":\"wss://a.example/s\"}]} | numbers[0].number",
                "{\"name\":\"Acme\",\"numbers\":[{\"number\":\"+14155550100\",\"assistantId\":\"nobody\"}]} | numbers[0].assistantId",
                "{\"name\":\"Acme\",\"assistants\":[{\"assistantId\":\"sales\",\"streamUrl\":\"http://a.example/s\"}]} | assistants[0].streamUrl",
                "{\"numbers\":[]} | name",
                "{\"name\":\"Acme\",\"numbers\":\"+14155550100\"} | numbers",
                "{\"name\":\"Acme\",\"numbers\":[null]} | numbers[0]",
                "{\"name\":\"Acme\",\"numbers\":[{\"number\":[1]}]} | numbers[0].number",
                "{\"name\": | body",
                "[] | body",
                "{\"name\":\"Acme\",\"providers\":{\"twilio\":{\"accountSid\":\"AC123\",\"authToken\":\"9f3c2a1b0d8e7f6a5b4c3d2e1f0a9b8c\"}}} | providers.twilio.accountSid",
                "{\"name\":\"Acme\",\"providers\":{\"twilio\":{\"accountSid\":\"AC3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6c\"}}} | providers.twilio.authToken",
                "{\"name\":\"Acme\",\"providers\":{\"vapi\":{\"secret\":\"vapi-server-secret-0123456789\",\"verification\":\"md5\"}}} | providers.vapi.verification",
                "{\"name\":\"Acme\",\"providers\":{\"vapi\":{\"secret\":\"short\",\"verification\":\"hmac-sha256\"}}} | providers.vapi.secret",
                "{\"name\":\"Acme\",\"providers\":{\"plivo\":{\"authId\":\"MA123\"}}} | providers.plivo",
                "{\"name\":\"Acme\",\"providers\":{\"twilio\":\"AC3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6c\"}} | providers.twilio",
                "{\"name\":\"Acme\",\"providers\":[]} | providers"
            })
    void whenBodyIsInvalidThen400NamesTheField(String body, String field) {
        put("acme", body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo(field);
    }

    @Test
    void whenProvidersAreSetThenTheyArePublishedSealedAndShownWithoutSecrets() {
        // when
        String sid = sid(1);
        byte[] put = put("initech", withProviders(sid))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.providers.twilio.accountSid")
                .isEqualTo(sid)
                .jsonPath("$.providers.twilio.authTokenSet")
                .isEqualTo(true)
                .jsonPath("$.providers.vapi.verification")
                .isEqualTo("hmac-sha256")
                .jsonPath("$.providers.vapi.secretSet")
                .isEqualTo(true)
                .returnResult()
                .getResponseBodyContent();

        // then the published token opens for the account, and no answer carries a secret, sealed or not
        byte[] got = http.get()
                .uri("/api/accounts/initech")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        SealedCredential twilio =
                fakes.publisher.lastPublished("initech").credentials().getFirst();
        assertThat(TestSecrets.box().open(twilio.sealedSecret(), "initech")).isEqualTo(TWILIO_TOKEN);
        assertThat(List.of(put, got))
                .allSatisfy(body -> assertThat(new String(body, StandardCharsets.UTF_8))
                        .doesNotContain(
                                TWILIO_TOKEN, VAPI_SECRET, twilio.sealedSecret(), "v1:", "authToken\"", "secret\""));
    }

    @Test
    void whenProvidersAreOmittedThenTheCredentialsAreKept() {
        // given
        put("hooli", withProviders(sid(2))).expectStatus().isOk();

        // when numbers are re-seeded without providers
        put("hooli", "{\"name\":\"Hooli\",\"numbers\":[]}")
                .expectStatus()
                .isOk()
                // then
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Hooli")
                .jsonPath("$.providers.twilio.accountSid")
                .isEqualTo(sid(2))
                .jsonPath("$.providers.vapi.secretSet")
                .isEqualTo(true);
        assertThat(fakes.publisher.lastPublished("hooli").credentials()).hasSize(2);
    }

    @Test
    void whenAProviderIsNullThenOnlyItsCredentialsAreRemoved() {
        // given
        put("umbrella", withProviders(sid(3))).expectStatus().isOk();

        // when
        put("umbrella", "{\"name\":\"Umbrella\",\"providers\":{\"twilio\":null}}")
                .expectStatus()
                .isOk()
                // then
                .expectBody()
                .jsonPath("$.providers.twilio")
                .doesNotExist()
                .jsonPath("$.providers.vapi.verification")
                .isEqualTo("hmac-sha256");
        assertThat(fakes.publisher.lastPublished("umbrella").credentials())
                .extracting(SealedCredential::provider)
                .containsExactly("vapi");
    }

    @Test
    void whenAccountHasNoCredentialsThenProvidersIsEmpty() {
        put("acme", ACME).expectStatus().isOk().expectBody().json("{\"providers\":{}}");
    }

    @Test
    void whenAnotherAccountHoldsTheAccountSidThen400NamesIt() {
        // given
        put("stark", withProviders(sid(4))).expectStatus().isOk();

        // when / then
        put("wayne", withProviders(sid(4)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("providers.twilio.accountSid");
        http.get().uri("/api/accounts/wayne").exchange().expectStatus().isNotFound();
    }

    @Test
    void whenAccountIdIsMalformedThen400NamesIt() {
        put("acme!", ACME)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("accountId");
    }

    @Test
    void whenBodyIsMissingThen400NamesTheBody() {
        http.put()
                .uri("/api/accounts/acme")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("body");
    }

    @Test
    void whenBodyIsNotJsonThen415() {
        http.put()
                .uri("/api/accounts/acme")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=Acme")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void whenAccountIsUnknownThen404() {
        http.get()
                .uri("/api/accounts/nobody-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenBrokerCannotTakeTheAccountThen503AndNothingChanges() {
        // given
        fakes.publisher.brokerDown = true;

        // when / then
        put("globex", ACME.replace("+14155550100", "+14155550177"))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists("Retry-After");
        http.get().uri("/api/accounts/globex").exchange().expectStatus().isNotFound();
        fakes.publisher.brokerDown = false;
    }

    @Test
    void whenCredentialsArePutThenTheAuditEntryNamesThePartsWithoutTheSecrets() {
        // when
        put("cyberdyne", withProviders(sid(5))).expectStatus().isOk();

        // then
        AuditRecorded entry = fakes.publisher.lastAudited("cyberdyne");
        assertThat(entry.action()).isEqualTo("account.created");
        assertThat(entry.subject()).isEqualTo("test-client");
        assertThat(entry.parts()).containsExactly("name", "credentials");
        assertThat(entry.changes()).containsExactly("name: set", "providers.twilio: set", "providers.vapi: set");
        assertThat(entry.toString()).doesNotContain(TWILIO_TOKEN, VAPI_SECRET, "v1:");
    }

    @Test
    void whenARefusedPutIsAuditedThenItIsAnsweredAndNothingChanges() {
        // given an account of its own administrators
        put("tyrell", ACME.replace("+14155550100", "+14155550133"))
                .expectStatus()
                .isOk();
        var operatorOnly = asToken(TestTokens.operator());
        var otherAdmin = asToken(TestTokens.forAccount("wallace", Scope.ACCOUNTS_ADMIN));

        // when an operator and another account's administrator try to change it
        operatorOnly
                .put()
                .uri("/api/accounts/tyrell")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ACME)
                .exchange()
                .expectStatus()
                .isForbidden();
        otherAdmin
                .put()
                .uri("/api/accounts/tyrell")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ACME)
                .exchange()
                .expectStatus()
                .isNotFound();

        // then both refusals are audited as denied
        assertThat(fakes.publisher.audited)
                .filteredOn(entry -> "tyrell".equals(entry.accountId()))
                .extracting(entry -> entry.outcome().wireValue() + " " + entry.actorAccountId())
                .containsExactly("succeeded tyrell", "denied null", "denied wallace");
    }

    @Test
    void whenARefusalCannotBeAuditedThen503() {
        // given
        fakes.publisher.brokerDown = true;

        // when / then
        asToken(TestTokens.forAccount("wallace", Scope.ACCOUNTS_ADMIN))
                .put()
                .uri("/api/accounts/someone-else")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ACME)
                .exchange()
                .expectStatus()
                .isEqualTo(503);
        fakes.publisher.brokerDown = false;
    }

    private WebTestClient asToken(String token) {
        return tokenless
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    /** A distinct Twilio AccountSid per test: the slice's directory is shared by its tests. */
    private static String sid(int n) {
        return "AC" + "%032x".formatted(n);
    }

    private static String withProviders(String accountSid) {
        return """
                {"name":"Acme","providers":{
                  "twilio":{"accountSid":"%s","authToken":"%s"},
                  "vapi":{"secret":"%s","verification":"hmac-sha256"}}}
                """.formatted(accountSid, TWILIO_TOKEN, VAPI_SECRET);
    }

    @Test
    void whenAnOperatorDeletesAnAccountThen204AndItIsGoneWithItsNumbersAndAudited() {
        // given
        put("closed-by-operator", ACME.replace("+14155550100", "+14155550166"))
                .expectStatus()
                .isOk();

        // when
        delete("closed-by-operator", TestTokens.operator())
                .expectStatus()
                .isNoContent()
                .expectBody()
                .isEmpty();

        // then
        http.get()
                .uri("/api/accounts/closed-by-operator")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(fakes.publisher.closed)
                .extracting(AccountClosed::accountId, AccountClosed::revision)
                .containsExactly(tuple("closed-by-operator", 2L));
        AuditRecorded entry = fakes.publisher.lastAudited("closed-by-operator");
        assertThat(entry.action()).isEqualTo("account.deleted");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.resource()).isEqualTo("/api/accounts/closed-by-operator");
        assertThat(entry.changes())
                .contains("account: closed at revision 2", "numbers: +14155****66 removed")
                .noneMatch(line -> line.contains("+14155550166") || line.contains("wss://"));
    }

    @Test
    void whenTheAccountToDeleteIsUnknownThen404AndNothingIsPublished() {
        delete("nobody-here", TestTokens.operator())
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(fakes.publisher.closed).extracting(AccountClosed::accountId).doesNotContain("nobody-here");
    }

    @Test
    void whenTheAccountIdToDeleteIsMalformedThen400NamesIt() {
        delete("acme!", TestTokens.operator())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("accountId");
    }

    @Test
    void whenItsOwnAdministratorDeletesAnAccountThen403AndItStays() {
        put("kept-by-admin", ACME.replace("+14155550100", "+14155550155"))
                .expectStatus()
                .isOk();

        delete("kept-by-admin", TestTokens.forAccount("kept-by-admin", Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isForbidden();

        http.get().uri("/api/accounts/kept-by-admin").exchange().expectStatus().isOk();
        assertThat(fakes.publisher.closed).extracting(AccountClosed::accountId).doesNotContain("kept-by-admin");
    }

    @Test
    void whenBrokerCannotTakeTheClosingThen503AndTheAccountStays() {
        put("kept-by-broker", ACME.replace("+14155550100", "+14155550144"))
                .expectStatus()
                .isOk();
        fakes.publisher.brokerDown = true;

        delete("kept-by-broker", TestTokens.operator())
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists("Retry-After");

        fakes.publisher.brokerDown = false;
        http.get().uri("/api/accounts/kept-by-broker").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec delete(String accountId, String token) {
        return tokenless
                .delete()
                .uri("/api/accounts/{id}", accountId)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec put(String accountId, String body) {
        return http.put()
                .uri("/api/accounts/{id}", accountId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @TestConfiguration
    static class Fakes {

        final RecordingAccountPublisher publisher = new RecordingAccountPublisher();

        @Bean
        CredentialSealer credentialSealer() {
            return new CredentialSealer(TestSecrets.box());
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        AccountPublisher accountPublisher() {
            return publisher;
        }
    }
}
