package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.ReceivedWebhook;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookFlowTest;
import io.switchboard.simulator.support.WebhookReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answering machine detection: who answers comes from the outcome rules, reported the way Twilio reports it. */
@SimulatorTest
class MachineDetectionTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MACHINE = "+15550408881";
    private static final String FAX = "+15550408882";

    private List<?> originalRules;

    @BeforeEach
    void scriptWhoAnswers() {
        receiver.reply("/voice", new Reply(200, CallForm.STREAM_TWIML));
        List<Object> rules = new ArrayList<>();
        rules.add(Map.of(
                "pattern", ".*8881$", "outcome", "completed", "durationSeconds", 20, "answeredBy", "machine_end_beep"));
        rules.add(Map.of("pattern", ".*8882$", "outcome", "completed", "durationSeconds", 5, "answeredBy", "fax"));
        originalRules = api.outcomeRules(rules);
        List<Object> combined = new ArrayList<>(rules);
        combined.addAll(originalRules);
        api.outcomeRules(combined);
    }

    @AfterEach
    void restoreRules() {
        api.outcomeRules(originalRules);
    }

    @Test
    void whenSynchronousDetectionThenVoiceFetchCarriesAnsweredBy() {
        // when
        String sid = api.createCall(CallForm.to(MACHINE)
                .voiceUrl(receiver.url("/voice"))
                .with("MachineDetection", "DetectMessageEnd")
                .with("StatusCallback", receiver.url("/status")));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(1));
        assertThat(receiver.received("/voice").getFirst().params()).containsEntry("AnsweredBy", "machine_end_beep");
        assertThat(api.call(sid)).containsEntry("answeredBy", "machine_end_beep");
    }

    @Test
    void whenEnableModeMeetsAMachineThenItIsReportedAtTheStartOfTheGreeting() {
        // when
        api.createCall(CallForm.to(MACHINE)
                .voiceUrl(receiver.url("/voice"))
                .with("MachineDetection", "Enable")
                .with("StatusCallback", receiver.url("/status")));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/voice")).hasSize(1));
        assertThat(receiver.received("/voice").getFirst().param("AnsweredBy")).isEqualTo("machine_start");
    }

    @Test
    void whenAsynchronousDetectionThenResultGoesSignedToTheAmdCallbackAndNotToTheVoiceUrl() {
        // when
        String sid = api.createCall(CallForm.to(FAX)
                .voiceUrl(receiver.url("/voice"))
                .with("MachineDetection", "Enable")
                .with("AsyncAmd", "true")
                .with("AsyncAmdStatusCallback", receiver.url("/amd"))
                .with("MachineDetectionTimeout", "1"));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/amd")).hasSize(1));
        ReceivedWebhook amd = receiver.received("/amd").getFirst();
        assertThat(amd.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
        assertThat(amd.params())
                .containsEntry("AccountSid", TestAccounts.ACCOUNT_SID)
                .containsEntry("CallSid", sid)
                .containsEntry("AnsweredBy", "fax")
                .containsEntry("MachineDetectionDuration", "1000");
        assertThat(receiver.received("/voice").getFirst().params()).doesNotContainKey("AnsweredBy");
        client.get()
                .uri("/2010-04-01/Accounts/{sid}/Calls/{call}.json", TestAccounts.ACCOUNT_SID, sid)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .exchange()
                .expectBody()
                .jsonPath("$.answered_by")
                .isEqualTo("fax");
    }

    @Test
    void whenNoDetectionAskedThenNobodyIsReported() {
        // when
        String sid = api.createCall(
                CallForm.to(MACHINE).voiceUrl(receiver.url("/voice")).with("StatusCallback", receiver.url("/status")));

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(1));
        assertThat(receiver.received("/voice").getFirst().params()).doesNotContainKey("AnsweredBy");
        assertThat(api.call(sid)).containsEntry("answeredBy", null);
    }
}
