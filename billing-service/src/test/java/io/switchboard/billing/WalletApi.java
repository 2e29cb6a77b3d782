package io.switchboard.billing;

import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The wallet endpoints as a test calls them, each with a token of the wallet's own account. */
final class WalletApi {

    private final WebTestClient web;

    WalletApi(WebTestClient web) {
        this.web = web;
    }

    WebTestClient.ResponseSpec topUp(String accountId, String topUpId, String amount) {
        return post(
                accountId,
                MediaType.APPLICATION_JSON,
                "{\"topUpId\":\"" + topUpId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}");
    }

    WebTestClient.ResponseSpec post(String accountId, MediaType contentType, String body) {
        return web.post()
                .uri("/api/wallets/{accountId}/top-ups", accountId)
                .header(HttpHeaders.AUTHORIZATION, bearer(accountId, Scope.BILLING_WRITE))
                .contentType(contentType)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec balance(String accountId) {
        return web.get()
                .uri("/api/wallets/{accountId}", accountId)
                .header(HttpHeaders.AUTHORIZATION, bearer(accountId, Scope.BILLING_READ))
                .exchange();
    }

    private static String bearer(String accountId, Scope scope) {
        return "Bearer " + TestTokens.forAccount(accountId, scope);
    }
}
