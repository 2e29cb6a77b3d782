package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.ReceivedWebhook;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookFlowTest;
import org.junit.jupiter.api.Test;

@SimulatorTest
class OutboundCallFlowTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void whenCallCompletesThenEveryEventIsCalledBackInOrderAndSigned() {
        // when
        String sid = api.createCall(CallForm.to("+15550100001").allEventsTo(receiver.url("/status")));

        // then
        List<ReceivedWebhook> callbacks = awaitCallbacks("/status", 4);
        assertThat(callbacks)
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(callbacks).extracting(hook -> hook.param("SequenceNumber")).containsExactly("0", "1", "2", "3");
        assertThat(callbacks).allSatisfy(hook -> {
            assertThat(hook.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
            assertThat(hook.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(hook.header("User-Agent")).isEqualTo("TwilioProxy/1.1");
            assertThat(hook.params())
                    .containsEntry("AccountSid", TestAccounts.ACCOUNT_SID)
                    .containsEntry("ApiVersion", "2010-04-01")
                    .containsEntry("CallSid", sid)
                    .containsEntry("Direction", "outbound-api")
                    .containsEntry("From", "+15550100000")
                    .containsEntry("Caller", "+15550100000")
                    .containsEntry("To", "+15550100001")
                    .containsEntry("Called", "+15550100001")
                    .containsEntry("CallbackSource", "call-progress-events");
            assertThat(hook.param("Timestamp")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} .* \\+0000");
        });
        assertThat(callbacks).extracting(ReceivedWebhook::idempotencyToken).doesNotHaveDuplicates();
        assertThat(callbacks.get(3).params())
                .containsEntry("CallDuration", "65")
                .containsEntry("Duration", "2");
        assertThat(callbacks.get(2).params()).doesNotContainKey("CallDuration");
    }

    @Test
    void whenRecordedCallCompletesThenRecordingCallbackFollows() {
        // when
        String sid = api.createCall(CallForm.to("+15550100001")
                .with("StatusCallback", receiver.url("/status"))
                .recordingTo(receiver.url("/recording")));

        // then
        ReceivedWebhook recording = awaitCallbacks("/recording", 1).getFirst();
        assertThat(receiver.received("/status"))
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("completed");
        assertThat(recording.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
        assertThat(recording.params())
                .containsEntry("AccountSid", TestAccounts.ACCOUNT_SID)
                .containsEntry("CallSid", sid)
                .containsEntry("RecordingStatus", "completed")
                .containsEntry("RecordingDuration", "65")
                .containsEntry("RecordingChannels", "1")
                .containsEntry("RecordingSource", "OutboundAPI");
        assertThat(recording.param("RecordingSid")).matches("RE[0-9a-f]{32}");
        assertThat(recording.param("RecordingUrl"))
                .isEqualTo("http://simulator.test:8090/2010-04-01/Accounts/" + TestAccounts.ACCOUNT_SID + "/Recordings/"
                        + recording.param("RecordingSid"));
        assertThat(recording.param("RecordingStartTime")).endsWith("+0000");
    }

    @Test
    void whenNumberIsBusyThenCallRingsAndEndsBusyWithoutRecording() {
        // when
        api.createCall(CallForm.to("+15550100002")
                .allEventsTo(receiver.url("/status"))
                .recordingTo(receiver.url("/recording")));

        // then
        List<ReceivedWebhook> callbacks = awaitCallbacks("/status", 3);
        assertThat(callbacks)
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("initiated", "ringing", "busy");
        assertThat(callbacks).extracting(hook -> hook.param("SequenceNumber")).containsExactly("0", "1", "2");
        assertThat(callbacks.get(2).params()).containsEntry("CallDuration", "0").containsEntry("Duration", "0");
        await().during(Duration.ofMillis(200))
                .atMost(WAIT)
                .until(() -> receiver.received("/recording").isEmpty());
    }

    @Test
    void whenNobodyAnswersThenCallEndsNoAnswer() {
        // when
        api.createCall(CallForm.to("+15550100003").allEventsTo(receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 3))
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("initiated", "ringing", "no-answer");
    }

    @Test
    void whenCallFailsThenItNeverRings() {
        // when
        String sid = api.createCall(CallForm.to("+15550100004").allEventsTo(receiver.url("/status")));

        // then
        // Sent one right after the other, they may arrive in either order, as Twilio's may: their sequence numbers
        // say which came first.
        List<ReceivedWebhook> callbacks = awaitCallbacks("/status", 2).stream()
                .sorted(Comparator.comparing(hook -> Integer.parseInt(hook.param("SequenceNumber"))))
                .toList();
        assertThat(callbacks).extracting(hook -> hook.param("CallStatus")).containsExactly("initiated", "failed");
        assertThat(callbacks).extracting(hook -> hook.param("SequenceNumber")).containsExactly("0", "1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.call(sid)).containsEntry("status", "failed"));
    }

    @Test
    void whenNoEventsRequestedThenOnlyCompletedIsSentAsSequenceZero() {
        // when
        api.createCall(CallForm.to("+15550100002").with("StatusCallback", receiver.url("/status")));

        // then
        ReceivedWebhook only = awaitCallbacks("/status", 1).getFirst();
        assertThat(only.params()).containsEntry("CallStatus", "busy").containsEntry("SequenceNumber", "0");
    }

    @Test
    void whenTimeLimitIsShorterThanScriptThenDurationIsCapped() {
        // when
        api.createCall(CallForm.to("+15550100001")
                .with("StatusCallback", receiver.url("/status"))
                .with("TimeLimit", "30"));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().params())
                .containsEntry("CallDuration", "30")
                .containsEntry("Duration", "1");
    }

    @Test
    void whenStatusCallbackMethodIsGetThenParamsTravelInSignedQueryString() {
        // when
        api.createCall(CallForm.to("+15550100001")
                .with("StatusCallback", receiver.url("/status?tenant=acme"))
                .with("StatusCallbackMethod", "GET"));

        // then
        ReceivedWebhook callback = awaitCallbacks("/status", 1).getFirst();
        assertThat(callback.method()).isEqualTo("GET");
        assertThat(callback.params()).containsEntry("tenant", "acme").containsEntry("CallStatus", "completed");
        assertThat(callback.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
    }

    @Test
    void whenRulesReplacedAtRuntimeThenNewCallsFollowThem() {
        // given
        List<?> original = client.get()
                .uri("/simulator/outcome-rules")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        client.put()
                .uri("/simulator/outcome-rules")
                .bodyValue(List.of(
                        Map.of("pattern", ".*7777$", "outcome", "no-answer"),
                        Map.of("pattern", ".*", "outcome", "completed", "duration-seconds", 7)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[1].durationSeconds")
                .isEqualTo(7);
        try {
            // when
            api.createCall(CallForm.to("+15550107777").with("StatusCallback", receiver.url("/unanswered")));
            api.createCall(CallForm.to("+15550100001").with("StatusCallback", receiver.url("/short")));

            // then
            assertThat(awaitCallbacks("/unanswered", 1).getFirst().param("CallStatus"))
                    .isEqualTo("no-answer");
            assertThat(awaitCallbacks("/short", 1).getFirst().param("CallDuration"))
                    .isEqualTo("7");
        } finally {
            client.put()
                    .uri("/simulator/outcome-rules")
                    .bodyValue(original)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private List<ReceivedWebhook> awaitCallbacks(String path, int count) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received(path)).hasSize(count));
        return receiver.received(path);
    }
}
