package io.switchboard.billing.wallet.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.switchboard.billing.hold.domain.DialerHolds;
import io.switchboard.billing.wallet.domain.InvalidTopUpException;
import io.switchboard.billing.wallet.domain.TopUpConflictException;
import io.switchboard.billing.wallet.domain.TopUpService;
import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.security.ApiSecurityAutoConfiguration;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.SwitchboardTestProperties;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The wallet API's problems: every 400 names its field, a 409 for a reused top-up id, a 503 says when to retry. */
@WebFluxTest(WalletController.class)
@Import({WalletAccess.class, WalletControllerWebFluxTests.Holds.class})
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class WalletControllerWebFluxTests {

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.registerTokenIssuer(registry);
    }

    private static final String VALID = "{\"topUpId\":\"t-1\",\"amount\":\"5.00\",\"currency\":\"USD\"}";

    @Autowired
    WebTestClient client;

    @MockitoBean
    TopUpService topUps;

    @MockitoBean
    Wallets wallets;

    @Autowired
    DialerHolds holds;

    /** The dialer's holds as billing reads them from dialer-intents.v1, filled by hand here. */
    @TestConfiguration
    static class Holds {

        @Bean
        DialerHolds dialerHolds() {
            return new DialerHolds(Clock.systemUTC());
        }
    }

    @BeforeEach
    void actAsAcme() {
        client = client.mutate()
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.forAccount("acme", Scope.BILLING_WRITE, Scope.BILLING_READ))
                .build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"topUpId":"t-1","amount":"0","currency":"USD"}         | amount
            {"topUpId":"t-1","amount":"abc","currency":"USD"}       | amount
            {"topUpId":"t-1","currency":"USD"}                      | amount
            {"amount":"5.00","currency":"USD"}                      | topUpId
            {"topUpId":"has space","amount":"5.00","currency":"USD"} | topUpId
            {"topUpId":"t-1","amount":"5.00"}                       | currency
            {"topUpId":"t-1","amount":                              | body
            []                                                      | body
            """)
    void whenBodyIsBadThenProblemNamesTheField(String body, String field) {
        post("acme", body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid top-up")
                .jsonPath("$.type")
                .isEqualTo("https://switchboard.io/problems/invalid-top-up")
                .jsonPath("$.field")
                .isEqualTo(field);
        verifyNoInteractions(topUps);
    }

    @Test
    void whenNoBodyThenProblemNamesTheBody() {
        client.post()
                .uri("/api/wallets/acme/top-ups")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("body");
    }

    @Test
    void whenAccountIdMalformedThenProblemNamesIt() {
        post("bad$account", VALID)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("accountId");
    }

    @Test
    void whenTopUpRefusedThenProblemNamesTheField() {
        given(topUps.topUp(any(), any())).willThrow(new InvalidTopUpException("currency", "must be USD, not EUR"));

        post("acme", VALID)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("currency")
                .jsonPath("$.detail")
                .isEqualTo("currency must be USD, not EUR");
    }

    @Test
    void whenTopUpIdReusedThenConflict() {
        given(topUps.topUp(any(), any())).willThrow(new TopUpConflictException("top-up t-1 was already applied"));

        post("acme", VALID)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("top-up t-1 was already applied");
    }

    @Test
    void whenKafkaDoesNotConfirmThenUnavailableWithRetryAfter() {
        given(topUps.topUp(any(), any())).willThrow(new PublishFailedException("timed out", null));

        post("acme", VALID)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("the top-up was not confirmed by Kafka; retry with the same topUpId");
    }

    @Test
    void whenToppedUpThenWalletAnswered() {
        given(topUps.topUp(any(), any())).willReturn(new Wallet("acme", new BigDecimal("5.00"), "USD"));

        post("acme", VALID)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("5.00");
    }

    @Test
    void whenTheDialersCallsHoldPartOfTheWalletThenItsAvailableBalanceIsWhatTheyDoNotHold() {
        given(wallets.find("acme")).willReturn(Optional.of(new Wallet("acme", new BigDecimal("10.00"), "USD", 7)));
        holds.apply(intent("r1", DialIntentRecorded.State.PLACED, "3.00", null));
        holds.apply(intent("r2", DialIntentRecorded.State.ENDED, "2.00", 8L));
        holds.apply(intent("r3", DialIntentRecorded.State.ENDED, "1.00", 7L));
        holds.apply(intent("r4", DialIntentRecorded.State.REJECTED, null, null));

        client.get()
                .uri("/api/wallets/acme")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("10.00")
                .jsonPath("$.held")
                .isEqualTo("5.00")
                .jsonPath("$.available")
                .isEqualTo("5.00");
    }

    private static DialIntentRecorded intent(
            String requestId, DialIntentRecorded.State state, String held, Long walletVersion) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155550100",
                "+14155550123",
                state,
                "twilio",
                "CA-" + requestId,
                null,
                Instant.now(),
                null,
                Map.of(),
                60,
                held == null ? null : new BigDecimal(held),
                "USD",
                walletVersion);
    }

    @Test
    void whenAnotherAccountsWalletIsToppedUpThen404OnceTheRefusalIsAudited() {
        post("globex", VALID).expectStatus().isNotFound();

        verify(topUps).recordDenied(any(), eq("globex"));
        verify(topUps, never()).topUp(any(), any());
    }

    @Test
    void whenARefusalCannotBeAuditedThen503() {
        willThrow(new PublishFailedException("timed out", null)).given(topUps).recordDenied(any(), eq("globex"));

        post("globex", VALID).expectStatus().isEqualTo(503);
    }

    private WebTestClient.ResponseSpec post(String accountId, String body) {
        return client.post()
                .uri("/api/wallets/{accountId}/top-ups", accountId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
