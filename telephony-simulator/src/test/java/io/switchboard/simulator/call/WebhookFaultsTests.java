package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.ReceivedWebhook;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookFlowTest;
import io.switchboard.simulator.support.WebhookReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Provider misbehaviour consumers must survive: duplicates, reordering, retries. */
@SimulatorTest
class WebhookFaultsTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @AfterEach
    void switchFaultsOff() {
        api.faults(false, false);
    }

    @Test
    void whenDuplicateFaultOnThenEveryCallbackArrivesTwiceWithSameToken() {
        // given
        api.faults(true, false);

        // when
        api.createCall(CallForm.to("+15550100001")
                .allEventsTo(receiver.url("/status"))
                .recordingTo(receiver.url("/recording")));

        // then
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(receiver.received("/status")).hasSize(8);
            assertThat(receiver.received("/recording")).hasSize(2);
        });
        // The next step runs on its own timer and may overtake the copy on a loaded machine: pair by token.
        Map<String, List<ReceivedWebhook>> byToken =
                receiver.received("/status").stream().collect(Collectors.groupingBy(ReceivedWebhook::idempotencyToken));
        assertThat(byToken).hasSize(4);
        byToken.values().forEach(copies -> {
            assertThat(copies).hasSize(2);
            assertThat(copies.get(1).params()).isEqualTo(copies.get(0).params());
        });
        List<ReceivedWebhook> recording = receiver.received("/recording");
        assertThat(recording.get(1).idempotencyToken())
                .isEqualTo(recording.get(0).idempotencyToken());
    }

    @Test
    void whenFaultsSwitchedWithPartialBodyThenUnnamedFaultsAreOff() {
        // given
        api.faults(true, true);

        // when / then
        client.put()
                .uri("/simulator/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reorder\":true}")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/simulator/faults").exchange().expectBody().json("{\"duplicate\":false,\"reorder\":true}");
    }

    @Test
    void whenReorderFaultOnThenRingingArrivesAfterInProgressWithTrueSequenceNumbers() {
        // given
        api.faults(false, true);

        // when
        api.createCall(CallForm.to("+15550100001").allEventsTo(receiver.url("/status")));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(4));
        List<ReceivedWebhook> status = receiver.received("/status");
        assertThat(status)
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("initiated", "in-progress", "ringing", "completed");
        assertThat(status).extracting(hook -> hook.param("SequenceNumber")).containsExactly("0", "2", "1", "3");
    }

    @Test
    void whenReceiverAnswers503ThenCallbackIsRetriedWithSameToken() {
        // given
        receiver.reply("/flaky", new Reply(503, ""), new Reply(503, ""));

        // when
        String sid = api.createCall(CallForm.to("+15550100001").with("StatusCallback", receiver.url("/flaky")));

        // then
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.deliveries(sid)).hasSize(3));
        List<ReceivedWebhook> attempts = receiver.received("/flaky");
        assertThat(attempts)
                .hasSize(3)
                .extracting(ReceivedWebhook::idempotencyToken)
                .containsOnly(attempts.getFirst().idempotencyToken());
        assertThat(api.deliveries(sid))
                .extracting(attempt -> attempt.get("attempt"), attempt -> attempt.get("httpStatus"))
                .containsExactly(tuple(1, 503), tuple(2, 503), tuple(3, 204));
    }

    @Test
    void whenReceiverKeepsFailingThenSimulatorGivesUpAfterConfiguredRetries() {
        // given
        receiver.reply(
                "/down",
                new Reply(500, ""),
                new Reply(502, ""),
                new Reply(503, ""),
                new Reply(504, ""),
                new Reply(500, ""));

        // when
        String sid = api.createCall(CallForm.to("+15550100001").with("StatusCallback", receiver.url("/down")));

        // then
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.deliveries(sid)).hasSize(4));
        await().during(Duration.ofMillis(200))
                .atMost(WAIT)
                .until(() -> receiver.received("/down").size() == 4);
    }

    @Test
    void whenUrlCarriesConnectionOverridesThenFragmentIsNeitherSentNorSignedAndRetryCountFollowsIt() {
        // given a status callback URL with Twilio connection overrides: one retry only
        receiver.reply("/override", new Reply(503, ""), new Reply(503, ""), new Reply(503, ""));

        // when
        String sid = api.createCall(CallForm.to("+15550100001")
                .with("StatusCallback", receiver.url("/override") + "#ct=3000&rt=10000&rc=1&rp=ct,rt,5xx"));

        // then the first callback is tried twice, on the URL without its fragment, signed as received
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.deliveries(sid)).hasSizeGreaterThanOrEqualTo(2));
        await().during(Duration.ofMillis(300))
                .atMost(WAIT)
                .until(() -> receiver.received("/override").size() == 2);
        assertThat(receiver.received("/override"))
                .allSatisfy(hook ->
                        assertThat(hook.signedWith(TestAccounts.AUTH_TOKEN)).isTrue());
    }

    @Test
    void whenReceiverAnswers4xxThenCallbackIsNotRetried() {
        // given
        receiver.reply("/refusing", new Reply(400, ""));

        // when
        String sid = api.createCall(CallForm.to("+15550100001").with("StatusCallback", receiver.url("/refusing")));

        // then
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.deliveries(sid)).hasSize(1));
        await().during(Duration.ofMillis(200))
                .atMost(WAIT)
                .until(() -> receiver.received("/refusing").size() == 1);
    }

    @Test
    void whenReceiverIsUnreachableThenConnectionErrorsAreRetried() {
        // given
        String unreachable = receiver.url("/gone");
        receiver.close();

        // when
        String sid = api.createCall(CallForm.to("+15550100001").with("StatusCallback", unreachable));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.deliveries(sid))
                        .hasSize(4)
                        .allSatisfy(attempt -> assertThat(attempt)
                                .containsEntry("httpStatus", null)
                                .extractingByKey("error")
                                .isNotNull()));
    }
}
