package io.switchboard.orchestrator.account.messaging;

import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newNumber;
import static io.switchboard.testsupport.ApiAuthorizationMatrix.Endpoint;

import java.util.stream.Stream;

import io.switchboard.events.security.Scope;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.testsupport.ApiAuthorizationMatrix;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may use the account API: an account's administrators read and change it, an operator creates
 * accounts, reads and deletes any, nobody else learns that an account exists.
 */
class AccountApiAuthorizationIT extends OrchestratorIntegrationTest {

    private static final String STREAM = "wss://assistants.example/sales";

    @Autowired
    WebTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String owner;
    ApiAuthorizationMatrix matrix;

    @BeforeEach
    void existingAccount() {
        owner = newAccountId();
        String number = newNumber();
        new AccountsApi(http).configure(owner, number, "sales", STREAM);
        String body = "{\"name\":\"Changed\",\"numbers\":[{\"number\":\"" + number
                + "\",\"assistantId\":\"sales\"}],\"assistants\":[{\"assistantId\":\"sales\",\"name\":\"Bot\","
                + "\"streamUrl\":\"wss://attacker.example/listen\"}]}";
        matrix = new ApiAuthorizationMatrix(http)
                .row(Endpoint.of(
                                HttpMethod.PUT,
                                "/api/accounts/{accountId}",
                                "/api/accounts/" + owner,
                                owner,
                                Scope.ACCOUNTS_ADMIN,
                                Scope.OPERATOR)
                        .withBody(body))
                .row(Endpoint.of(
                        HttpMethod.GET,
                        "/api/accounts/{accountId}",
                        "/api/accounts/" + owner,
                        owner,
                        Scope.ACCOUNTS_ADMIN,
                        Scope.OPERATOR))
                // The operator's alone: no tenant token deletes an account, its own included (403, below).
                .row(Endpoint.of(
                        HttpMethod.DELETE,
                        "/api/accounts/{accountId}",
                        "/api/accounts/" + owner,
                        null,
                        Scope.OPERATOR));
    }

    @Test
    void everyEndpointHasARule() {
        matrix.assertCovers(mappings);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesWhoMayNotUseIt() {
        return matrix.tests(newAccountId());
    }

    @Test
    void refusedChangesLeaveTheAccountAsItWas() {
        var put = matrix.endpoints().get(0);
        matrix.send(put, TestTokens.forAccount("intruder", Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isNotFound();
        matrix.send(put, TestTokens.operator()).expectStatus().isForbidden();

        matrix.send(matrix.endpoints().get(1), TestTokens.forAccount(owner, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.assistants[0].streamUrl")
                .isEqualTo(STREAM);
    }

    @Test
    void aTenantTokenWithEveryTenantScopeCannotDeleteItsOwnAccount() {
        var delete = matrix.endpoints().get(2);

        matrix.send(delete, TestTokens.forAccount(owner, TestTokens.allScopesBut(Scope.OPERATOR)))
                .expectStatus()
                .isForbidden();
        matrix.send(delete, TestTokens.forAccount(owner, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isForbidden();

        matrix.send(matrix.endpoints().get(1), TestTokens.forAccount(owner, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isOk();
    }

    @Test
    void operatorDeletesAnyAccount() {
        matrix.send(matrix.endpoints().get(2), TestTokens.operator())
                .expectStatus()
                .isNoContent();

        matrix.send(matrix.endpoints().get(1), TestTokens.operator())
                .expectStatus()
                .isNotFound();
    }

    @Test
    void operatorCreatesAccountsAndReadsAny() {
        String created = newAccountId();
        http.put()
                .uri("/api/accounts/{id}", created)
                .headers(headers -> headers.setBearerAuth(TestTokens.operator()))
                .bodyValue(AccountsApi.account(newNumber(), "sales", STREAM))
                .exchange()
                .expectStatus()
                .isOk();
        matrix.send(matrix.endpoints().get(1), TestTokens.operator())
                .expectStatus()
                .isOk();
    }

    @Test
    void administratorCannotCreateItsOwnAccount() {
        String unborn = newAccountId();
        http.put()
                .uri("/api/accounts/{id}", unborn)
                .headers(headers -> headers.setBearerAuth(TestTokens.forAccount(unborn, Scope.ACCOUNTS_ADMIN)))
                .bodyValue(AccountsApi.account(newNumber(), "sales", STREAM))
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
