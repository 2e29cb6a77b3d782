package io.switchboard.orchestrator.account.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.account.domain.AccountPublishException;
import io.switchboard.orchestrator.account.domain.AccountPublisher;
import io.switchboard.orchestrator.account.domain.AccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(AccountController.class)
@Import({AccountService.class, AccountDirectory.class, AccountControllerTests.Fakes.class})
class AccountControllerTests {

    static final String ACME = """
            {"name":"Acme","numbers":[{"number":"+14155550100","assistantId":"sales"}],
             "assistants":[{"assistantId":"sales","name":"Sales bot","streamUrl":"wss://assistants.example/sales"}]}
            """;

    @Autowired
    WebTestClient http;

    @Autowired
    Fakes fakes;

    @Test
    void whenAccountIsValidThenItIsSavedAndReturned() {
        // when
        put("acme", ACME).expectStatus().isOk()
                // then
                .expectBody()
                .jsonPath("$.accountId").isEqualTo("acme")
                .jsonPath("$.numbers[0].number").isEqualTo("+14155550100")
                .jsonPath("$.assistants[0].streamUrl").isEqualTo("wss://assistants.example/sales")
                .jsonPath("$.configuredAt").isEqualTo("2025-03-01T10:00:00Z");
        http.get().uri("/api/accounts/acme").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Acme");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"Acme\",\"numbers\":[{\"number\":\"4155550100\",\"assistantId\":\"sales\"}],\"assistants\":[{\"assistantId\":\"sales\",\"streamUrl\":\"wss://a.example/s\"}]} | numbers[0].number",
            "{\"name\":\"Acme\",\"numbers\":[{\"number\":\"+14155550100\",\"assistantId\":\"nobody\"}]} | numbers[0].assistantId",
            "{\"name\":\"Acme\",\"assistants\":[{\"assistantId\":\"sales\",\"streamUrl\":\"http://a.example/s\"}]} | assistants[0].streamUrl",
            "{\"numbers\":[]} | name",
            "{\"name\":\"Acme\",\"numbers\":\"+14155550100\"} | numbers",
            "{\"name\":\"Acme\",\"numbers\":[null]} | numbers[0]",
            "{\"name\":\"Acme\",\"numbers\":[{\"number\":[1]}]} | numbers[0].number",
            "{\"name\": | body",
            "[] | body"})
    void whenBodyIsInvalidThen400NamesTheField(String body, String field) {
        put("acme", body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    @Test
    void whenAccountIdIsMalformedThen400NamesIt() {
        put("acme!", ACME).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("accountId");
    }

    @Test
    void whenBodyIsMissingThen400NamesTheBody() {
        http.put().uri("/api/accounts/acme").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("body");
    }

    @Test
    void whenBodyIsNotJsonThen415() {
        http.put().uri("/api/accounts/acme").contentType(MediaType.TEXT_PLAIN).bodyValue("name=Acme").exchange()
                .expectStatus().isEqualTo(415);
    }

    @Test
    void whenAccountIsUnknownThen404() {
        http.get().uri("/api/accounts/nobody-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whenBrokerCannotTakeTheAccountThen503AndNothingChanges() {
        // given
        fakes.brokerDown = true;

        // when / then
        put("globex", ACME.replace("+14155550100", "+14155550177")).expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After");
        http.get().uri("/api/accounts/globex").exchange().expectStatus().isNotFound();
        fakes.brokerDown = false;
    }

    private WebTestClient.ResponseSpec put(String accountId, String body) {
        return http.put().uri("/api/accounts/{id}", accountId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @TestConfiguration
    static class Fakes {

        volatile boolean brokerDown;

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        AccountPublisher accountPublisher() {
            return account -> {
                if (brokerDown) {
                    throw new AccountPublishException("broker down", null);
                }
            };
        }
    }
}
