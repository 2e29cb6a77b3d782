package io.switchboard.orchestrator.support;

import java.util.List;
import java.util.Map;

import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Configures accounts through the service's own HTTP API with a token that may both create an account
 * (an operator's) and change it (the account's own administrator's).
 */
public final class AccountsApi {

    private final WebTestClient http;

    public AccountsApi(WebTestClient http) {
        this.http = http.mutate()
                .filter(TestTokens.actingForThePathsAccount("/api/accounts/", Scope.OPERATOR, Scope.ACCOUNTS_ADMIN))
                .build();
    }

    public static Map<String, Object> account(String number, String assistantId, String streamUrl) {
        return Map.of(
                "name",
                "Test account",
                "numbers",
                List.of(Map.of("number", number, "assistantId", assistantId)),
                "assistants",
                List.of(Map.of("assistantId", assistantId, "name", "Bot", "streamUrl", streamUrl)));
    }

    public WebTestClient.ResponseSpec put(String accountId, Object body) {
        return http.put()
                .uri("/api/accounts/{id}", accountId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public void configure(String accountId, String number, String assistantId, String streamUrl) {
        put(accountId, account(number, assistantId, streamUrl)).expectStatus().isOk();
    }
}
