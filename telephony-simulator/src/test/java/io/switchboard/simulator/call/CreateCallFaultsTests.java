package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A create that times out, is refused or fails after creating: the dialer must neither lose nor double a call. */
@SimulatorTest
class CreateCallFaultsTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    private int port;

    @AfterEach
    void disarm() {
        api.disarmCreateFault();
    }

    @Test
    void whenRateLimitedForTwoCreatesThenBothGet20429AndCreateNothingAndTheThirdSucceeds() {
        // given
        api.armCreateFault(Map.of("kind", "rate-limit", "count", 2));
        client.get()
                .uri("/simulator/faults/create-call")
                .exchange()
                .expectBody()
                .jsonPath("$.fault.kind")
                .isEqualTo("rate-limit")
                .jsonPath("$.remaining")
                .isEqualTo(2);

        // when / then
        for (int i = 0; i < 2; i++) {
            create(CallForm.to("+15550500001"))
                    .expectStatus()
                    .isEqualTo(429)
                    .expectBody()
                    .json("""
                            {"code":20429,"message":"Too Many Requests",
                             "more_info":"https://www.twilio.com/docs/errors/20429","status":429}""");
        }
        assertThat(callsTo("+15550500001")).isEmpty();
        create(CallForm.to("+15550500001")).expectStatus().isCreated();
        assertThat(callsTo("+15550500001")).hasSize(1);
    }

    @Test
    void whenRateLimitedForAWindowThenCreatesAreRefusedUntilItCloses() {
        // given
        api.armCreateFault(Map.of("kind", "rate-limit", "for", "PT0.5S"));

        // when / then
        create(CallForm.to("+15550500002")).expectStatus().isEqualTo(429);
        create(CallForm.to("+15550500002")).expectStatus().isEqualTo(429);
        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/simulator/faults/create-call")
                        .exchange()
                        .expectStatus()
                        .isNoContent());
        create(CallForm.to("+15550500002")).expectStatus().isCreated();
        assertThat(callsTo("+15550500002")).hasSize(1);
    }

    @Test
    void whenServerErrorAfterCreateThenCallerGets5xxButTheCallIsPlacedAndCalledBack() {
        // given
        api.armCreateFault(Map.of("kind", "server-error", "count", 1, "httpStatus", 503));

        // when
        create(CallForm.to("+15550500003").with("StatusCallback", receiver.url("/status")))
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(20500);

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(1));
        assertThat(callsTo("+15550500003")).hasSize(1);
        create(CallForm.to("+15550500004")).expectStatus().isCreated();
    }

    @Test
    void whenAnswerIsSlowerThanTheClientsReadTimeoutThenTheCallExistsAnyway() {
        // given
        api.armCreateFault(Map.of("kind", "slow-answer", "delay", "PT3S"));

        // when
        assertThatExceptionOfType(HttpTimeoutException.class)
                .isThrownBy(() -> post(
                        CallForm.to("+15550500005").with("StatusCallback", receiver.url("/status")),
                        Duration.ofMillis(500)));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(1));
        assertThat(receiver.received("/status").getFirst().param("CallStatus")).isEqualTo("completed");
        assertThat(callsTo("+15550500005")).hasSize(1);
    }

    @Test
    void whenConnectionIsDroppedThenCallerGetsNoAnswerButTheCallExistsOnce() {
        // given
        api.armCreateFault(Map.of("kind", "drop-connection"));

        // when
        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> post(
                        CallForm.to("+15550500006").with("StatusCallback", receiver.url("/status")),
                        Duration.ofSeconds(5)))
                .isNotInstanceOf(HttpTimeoutException.class);

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(1));
        assertThat(callsTo("+15550500006")).hasSize(1);
        create(CallForm.to("+15550500006")).expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec create(CallForm form) {
        return client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", TestAccounts.ACCOUNT_SID)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(form.build()))
                .exchange();
    }

    /** A plain client with a read timeout, as the dialer's SDK client has. */
    private void post(CallForm form, Duration readTimeout) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.build()
                .forEach((name, values) -> values.forEach(value -> body.append(encode(name))
                        .append('=')
                        .append(encode(value))
                        .append('&')));
        String credentials = TestAccounts.ACCOUNT_SID + ":" + TestAccounts.AUTH_TOKEN;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/2010-04-01/Accounts/"
                        + TestAccounts.ACCOUNT_SID + "/Calls.json"))
                .timeout(readTimeout)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> callsTo(String number) {
        return (List<Map<String, Object>>) api.listCalls(Map.of("To", number)).get("calls");
    }
}
