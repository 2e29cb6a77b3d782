package io.switchboard.billing;

import static io.switchboard.testsupport.ApiAuthorizationMatrix.Endpoint;

import java.util.UUID;
import java.util.stream.Stream;

import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.ApiAuthorizationMatrix;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Who may use the wallet API: every endpoint refuses the unauthenticated, the unscoped and other accounts. */
class WalletApiAuthorizationIT extends BillingIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String owner;
    ApiAuthorizationMatrix matrix;

    @BeforeEach
    void ownerWithWallet() {
        owner = "owner-" + UUID.randomUUID();
        wallets.topUp(owner, "seed", "10.00").expectStatus().isOk();
        matrix = new ApiAuthorizationMatrix(web)
                .row(Endpoint.of(
                        HttpMethod.GET,
                        "/api/wallets/{accountId}",
                        "/api/wallets/" + owner,
                        owner,
                        Scope.BILLING_READ,
                        Scope.OPERATOR))
                .row(Endpoint.of(
                                HttpMethod.POST,
                                "/api/wallets/{accountId}/top-ups",
                                "/api/wallets/" + owner + "/top-ups",
                                owner,
                                Scope.BILLING_WRITE)
                        .withBody("{\"topUpId\":\"t-2\",\"amount\":\"1.00\",\"currency\":\"USD\"}"));
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
    void operatorReadsAnyWalletButTopsUpNone() {
        var read = matrix.endpoints().get(0);
        matrix.send(read, TestTokens.operator()).expectStatus().isOk();
        var topUp = matrix.endpoints().get(1);
        matrix.send(topUp, TestTokens.operator(Scope.BILLING_WRITE))
                .expectStatus()
                .isNotFound();
        wallets.balance(owner).expectBody().jsonPath("$.balance").isEqualTo("10.00");
    }

    @Test
    void anotherAccountsTopUpLeavesTheWalletAlone() {
        var topUp = matrix.endpoints().get(1);
        matrix.send(topUp, TestTokens.forAccount("intruder", Scope.BILLING_WRITE))
                .expectStatus()
                .isNotFound();
        wallets.balance(owner).expectBody().jsonPath("$.balance").isEqualTo("10.00");
    }
}
