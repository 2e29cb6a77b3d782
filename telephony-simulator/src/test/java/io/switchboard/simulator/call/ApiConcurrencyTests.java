package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorApi;
import io.switchboard.simulator.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Twilio's limit on concurrent REST API requests per account, here 2 (slow answers are the create fault's), and
 * its full call queue. A context of its own: its limits and its armed fault would get in the way of every other test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.simulator.accounts[" + TestAccounts.ACCOUNT_SID + "]=" + TestAccounts.AUTH_TOKEN,
            "switchboard.simulator.step-delay=20ms",
            "switchboard.simulator.calls-per-second=1000",
            "switchboard.simulator.api-concurrency=2",
            // one account at Twilio's 1 CPS with room for a second of queue, to see a full queue refused
            "switchboard.simulator.accounts[" + TestAccounts.PACED_ACCOUNT_SID + "]=" + TestAccounts.AUTH_TOKEN,
            "switchboard.simulator.account-calls-per-second[" + TestAccounts.PACED_ACCOUNT_SID + "]=1",
            "switchboard.simulator.max-queue-time=1s"
        })
@AutoConfigureWebTestClient
class ApiConcurrencyTests {

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @Test
    void whenTwoRequestsAreInFlightThenAThirdGets429AndCreatesNothingAndOnceTheyAnswerRequestsPassAgain() {
        // given: two creates whose answers take 1.5 s, both in flight
        SimulatorApi api = new SimulatorApi(client);
        api.armCreateFault(Map.of("kind", "slow-answer", "count", 2, "delay", "PT1.5S"));
        WebClient async = WebClient.create("http://localhost:" + port);
        List<Mono<HttpStatus>> slow = List.of(create(async, "+15550400001"), create(async, "+15550400002"));
        slow.forEach(Mono::subscribe);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> calls().stream()
                                .filter(call ->
                                        List.of("+15550400001", "+15550400002").contains(call.get("to")))
                                .count()
                        == 2);

        // when
        var third = client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", TestAccounts.ACCOUNT_SID)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(CallForm.to("+15550400003").build()))
                .exchange();

        // then
        third.expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(20429)
                .jsonPath("$.message")
                .isEqualTo("Too Many Requests")
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.more_info")
                .isEqualTo("https://www.twilio.com/docs/errors/20429");
        assertThat(calls()).extracting(call -> call.get("to")).doesNotContain("+15550400003");
        client.get()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", TestAccounts.ACCOUNT_SID)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // and: the simulator's own endpoints are not the Twilio API and are never limited
        client.get().uri("/simulator/calls").exchange().expectStatus().isOk();

        // and: once the slow answers are written, the account may send requests again
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> client.get()
                        .uri("/2010-04-01/Accounts/{sid}/Calls.json", TestAccounts.ACCOUNT_SID)
                        .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    @Test
    void whenCallWouldWaitLongerThanTheQueueAllowsThenRefusedWith22005AndNothingIsCreated() {
        // given: at 1 CPS the first call is dialed at once and the second waits under a second
        String paced = TestAccounts.PACED_ACCOUNT_SID;
        createPaced(paced, "+15550410001").expectStatus().isCreated();
        createPaced(paced, "+15550410002").expectStatus().isCreated();

        // when: the third would wait over a second
        var refused = createPaced(paced, "+15550410003");

        // then
        refused.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(22005)
                .jsonPath("$.status")
                .isEqualTo(400);
        assertThat(calls()).extracting(call -> call.get("to")).doesNotContain("+15550410003");
    }

    private WebTestClient.ResponseSpec createPaced(String account, String to) {
        return client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", account)
                .headers(headers -> headers.setBasicAuth(account, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(CallForm.to(to).build()))
                .exchange();
    }

    private Mono<HttpStatus> create(WebClient async, String to) {
        return async.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", TestAccounts.ACCOUNT_SID)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(CallForm.to(to).build()))
                .exchangeToMono(response ->
                        Mono.just(HttpStatus.valueOf(response.statusCode().value())));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> calls() {
        return client.get()
                .uri("/simulator/calls")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
    }
}
