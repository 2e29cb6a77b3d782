package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.testing.TopicProbe;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioRecordingCallbackIT extends WebhookIngressITSupport {

    private static final String RECORDING = "/webhooks/twilio/" + ACCOUNT + "/recording";

    private TopicProbe providerEvents;
    private final String callSid = TwilioForms.newCallSid();

    @BeforeEach
    void startProbe() {
        providerEvents = TopicProbe.fromEnd(SharedKafkaBroker.bootstrapServers(), Topic.PROVIDER_EVENTS);
    }

    @AfterEach
    void stopProbe() throws InterruptedException {
        providerEvents.close();
    }

    @Test
    void whenSignedRecordingCallbackThenRecordingReportedKeyedByCall() {
        var form = TwilioForms.recording(callSid, "RE" + callSid.substring(2));

        postSigned(RECORDING, form).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).until(() -> providerEvents.eventsFor(callSid).size() == 1);
        var event = providerEvents.eventsFor(callSid).getFirst();
        assertThat(event.is(EventTypes.RECORDING_REPORTED)).isTrue();
        var payload = event.as(EventTypes.RECORDING_REPORTED).payload();
        assertThat(payload.accountId()).isEqualTo(ACCOUNT);
        assertThat(payload.recordingId()).isEqualTo("RE" + callSid.substring(2));
        assertThat(payload.status()).isEqualTo("completed");
        assertThat(payload.durationSeconds()).isEqualTo(41);
        assertThat(payload.channels()).isEqualTo(2);
    }

    @Test
    void whenRecordingSidIsMissingThenBadRequestAndNothingPublished() {
        var form = TwilioForms.recording(callSid, "RE1");
        form.remove("RecordingSid");

        postSigned(RECORDING, form).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("RecordingSid is required");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> providerEvents.eventsFor(callSid).isEmpty());
    }

    @Test
    void whenRecordingCallbackIsTamperedThenForbidden() {
        var form = TwilioForms.recording(callSid, "RE1");
        String signature = sign(RECORDING, form);
        form.put("RecordingUrl", "https://evil.example.test/recording.mp3");

        post(RECORDING, form, signature, null).expectStatus().isForbidden();
    }
}
