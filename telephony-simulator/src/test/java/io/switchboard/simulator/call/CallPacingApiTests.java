package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorApi;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Twilio's calls-per-second queue through the REST API, on the test account paced at 2 calls per second. */
@SimulatorTest
class CallPacingApiTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final String PACED = TestAccounts.PACED_ACCOUNT_SID;

    @Autowired
    private WebTestClient client;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void whenFiveCallsAreCreatedAtOnceAtTwoCpsThenAllAreAcceptedQueuedAndDialedNoFasterThanTwoASecond() {
        // given
        Instant before = Instant.now();

        // when
        List<Map<String, Object>> created = IntStream.range(0, 5)
                .mapToObj(i -> create(CallForm.to("+1555030%04d".formatted(i)).allEventsTo(receiver.url("/status"))))
                .toList();

        // then: all answered at once, queued, each expected to wait longer than the one before
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofMillis(1000));
        assertThat(created).extracting(call -> call.get("status")).containsOnly("queued");
        List<Long> queueTimes = created.stream()
                .map(call -> Long.parseLong((String) call.get("queue_time")))
                .toList();
        assertThat(queueTimes.getFirst()).isLessThan(500);
        assertThat(queueTimes).isSorted().doesNotHaveDuplicates();
        assertThat(queueTimes.getLast()).isGreaterThanOrEqualTo(1000);
        List<String> sids =
                created.stream().map(call -> (String) call.get("sid")).toList();
        assertThat(fetch(sids.get(4)).get("queue_time"))
                .isEqualTo(created.get(4).get("queue_time"));

        // and: they leave the queue in order, at least 500 ms apart, and only then are dialed
        SimulatorApi api = new SimulatorApi(client);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(receiver.received("/status"))
                        .filteredOn(hook -> hook.param("CallStatus").equals("initiated"))
                        .hasSize(5));
        List<Instant> leftQueue = sids.stream()
                .map(sid -> Instant.parse((String) api.call(sid).get("leftQueueAt")))
                .toList();
        for (int i = 1; i < leftQueue.size(); i++) {
            assertThat(Duration.between(leftQueue.get(i - 1), leftQueue.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(495));
        }
        // and: queue_time was a true estimate of the wait
        for (int i = 0; i < sids.size(); i++) {
            assertThat(((Number) api.call(sids.get(i)).get("queuedMillis")).longValue())
                    .isBetween(queueTimes.get(i) - 50, queueTimes.get(i) + 100);
        }
        assertThat(receiver.received("/status"))
                .filteredOn(hook -> hook.param("CallStatus").equals("initiated"))
                .extracting(hook -> hook.param("CallSid"))
                .containsExactlyElementsOf(sids);
        // and: dialed (initiated, the call's start_time) no faster than 2 a second; the step timer between leaving
        // the queue and dialing adds a few milliseconds of jitter either way
        List<Instant> initiated = sids.stream()
                .map(sid -> Instant.parse((String) api.call(sid).get("startTime")))
                .toList();
        for (int i = 1; i < initiated.size(); i++) {
            assertThat(Duration.between(initiated.get(i - 1), initiated.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
    }

    @Test
    void whenQueuedCallIsCanceledThenItNeverStarts() {
        // given: two calls ahead of it keep it queued for about a second
        create(CallForm.to("+15550310001"));
        create(CallForm.to("+15550310002"));
        String sid = (String) create(CallForm.to("+15550310003").allEventsTo(receiver.url("/status")))
                .get("sid");

        // when
        client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls/{call}.json", PACED, sid)
                .headers(headers -> headers.setBasicAuth(PACED, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(
                        CallForm.update().with("Status", "canceled").build()))
                .exchange()
                .expectStatus()
                .isOk();

        // then: canceled, and still never dialed once its turn has long passed
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "canceled".equals(fetch(sid).get("status")));
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        SimulatorApi api = new SimulatorApi(client);
        assertThat(api.call(sid).get("leftQueueAt")).isNull();
        assertThat(receiver.received("/status"))
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("canceled");
    }

    @Test
    void whenCpsIsReadThenTheAccountsOwnIsShownAndAnUnknownAccountIsNotFound() {
        client.get()
                .uri("/simulator/accounts/{sid}/cps", PACED)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.callsPerSecond")
                .isEqualTo(2);
        client.put()
                .uri("/simulator/accounts/{sid}/cps", "AC00000000000000000000000000000000")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("callsPerSecond", 5))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.put()
                .uri("/simulator/accounts/{sid}/cps", PACED)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("callsPerSecond", 0))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private Map<String, Object> create(CallForm form) {
        return client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", PACED)
                .headers(headers -> headers.setBasicAuth(PACED, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(form.build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> fetch(String sid) {
        return client.get()
                .uri("/2010-04-01/Accounts/{sid}/Calls/{call}.json", PACED, sid)
                .headers(headers -> headers.setBasicAuth(PACED, TestAccounts.AUTH_TOKEN))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }
}
