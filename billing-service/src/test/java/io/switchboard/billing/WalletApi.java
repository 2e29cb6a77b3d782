package io.switchboard.billing;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The wallet endpoints as a test calls them. */
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
                .contentType(contentType)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec balance(String accountId) {
        return web.get().uri("/api/wallets/{accountId}", accountId).exchange();
    }
}
