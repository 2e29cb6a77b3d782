package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioRecordingCallbackIT extends WebhookIngressITSupport {

    private static final String RECORDING = "/webhooks/twilio/" + ACCOUNT + "/recording";

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();
    private final String recordingSid = "RE" + callSid.substring(2);

    @Test
    void whenSignedRecordingCallbackThenRecordingReportedKeyedByCall() {
        postSigned(RECORDING, TwilioForms.recording(callSid, recordingSid))
                .expectStatus()
                .isOk();

        var event = providerEvents.exactlyOneEventFor(callSid);
        assertThat(event.is(EventTypes.RECORDING_REPORTED)).isTrue();
        var payload = event.as(EventTypes.RECORDING_REPORTED).payload();
        assertThat(payload.accountId()).isEqualTo(ACCOUNT);
        assertThat(payload.recordingId()).isEqualTo(recordingSid);
        assertThat(payload.status()).isEqualTo("completed");
        assertThat(payload.url()).endsWith("/Recordings/" + recordingSid);
        assertThat(payload.durationSeconds()).isEqualTo(41);
        assertThat(payload.channels()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-progress", "completed", "absent", "failed"})
    void whenAnyRecordingStatusIsReportedThenItIsPublished(String recordingStatus) {
        var form = TwilioForms.recording(callSid, recordingSid);
        form.put("RecordingStatus", recordingStatus);

        postSigned(RECORDING, form).expectStatus().isOk();

        assertThat(providerEvents
                        .exactlyOneEventFor(callSid)
                        .as(EventTypes.RECORDING_REPORTED)
                        .payload()
                        .status())
                .isEqualTo(recordingStatus);
    }

    @Test
    void whenRecordingCallbackRepeatedThenOneRecord() {
        var form = TwilioForms.recording(callSid, recordingSid);

        postSigned(RECORDING, form).expectStatus().isOk();
        postSigned(RECORDING, form).expectStatus().isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenRecordingSidIsMissingOrTheStatusUnknownThenBadRequestAndNothingPublished() {
        var noSid = TwilioForms.recording(callSid, recordingSid);
        noSid.remove("RecordingSid");
        var unknownStatus = TwilioForms.recording(callSid, recordingSid);
        unknownStatus.put("RecordingStatus", "exploded");

        postSigned(RECORDING, noSid)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("RecordingSid is required");
        postSigned(RECORDING, unknownStatus)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("RecordingStatus has an unknown value");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenRecordingCallbackIsTamperedThenForbidden() {
        var form = TwilioForms.recording(callSid, recordingSid);
        String signature = sign(RECORDING, form);
        form.put("RecordingUrl", "https://evil.example.test/recording.mp3");

        post(RECORDING, form, signature, null).expectStatus().isForbidden();

        providerEvents.assertNothingPublishedFor(callSid);
    }
}
