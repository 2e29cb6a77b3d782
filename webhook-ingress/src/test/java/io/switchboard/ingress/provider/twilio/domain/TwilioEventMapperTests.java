package io.switchboard.ingress.provider.twilio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioEventMapperTests {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final TwilioEventMapper mapper = new TwilioEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whenStatusCallbackThenEveryFieldIsMapped() {
        var form = TwilioForms.status("CA1");
        form.put("ParentCallSid", "CA0");

        var event = mapper.callStatus(TwilioRequests.of(form));

        assertThat(event.type()).isEqualTo(EventTypes.CALL_STATUS_REPORTED);
        assertThat(event.subject()).isEqualTo("CA1");
        var payload = event.payload();
        assertThat(payload.provider()).isEqualTo("twilio");
        assertThat(payload.accountId()).isEqualTo("acme");
        assertThat(payload.providerAccountId()).isEqualTo(TwilioForms.ACCOUNT_SID);
        assertThat(payload.callId()).isEqualTo("CA1");
        assertThat(payload.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(payload.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(payload.from()).isEqualTo("+15005550006");
        assertThat(payload.to()).isEqualTo("+14155552671");
        assertThat(payload.durationSeconds()).isEqualTo(42);
        assertThat(payload.sequenceNumber()).isEqualTo(3);
        assertThat(payload.parentCallId()).isEqualTo("CA0");
        assertThat(payload.answeredBy()).isEqualTo("human");
        assertThat(payload.callbackSource()).isEqualTo("call-progress-events");
        assertThat(payload.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void whenTimestampIsRfc2822ThenItIsTheEventTime() {
        var form = TwilioForms.status("CA1");
        form.put("Timestamp", "Tue, 4 Jul 2023 20:43:02 +0200");

        var event = mapper.callStatus(TwilioRequests.of(form));

        assertThat(event.payload().occurredAt()).isEqualTo(Instant.parse("2023-07-04T18:43:02Z"));
        assertThat(event.time()).isEqualTo(Instant.parse("2023-07-04T18:43:02Z"));
    }

    @Test
    void whenOptionalFieldsAreMissingOrEmptyThenTheyAreNullAndReceivedAtIsTheEventTime() {
        var form = TwilioForms.status("CA1");
        form.keySet().retainAll(Set.of("CallSid", "CallStatus"));
        form.put("AnsweredBy", "");

        var event = mapper.callStatus(TwilioRequests.of(form));

        var payload = event.payload();
        assertThat(payload.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(payload.direction()).isNull();
        assertThat(payload.from()).isNull();
        assertThat(payload.durationSeconds()).isNull();
        assertThat(payload.sequenceNumber()).isNull();
        assertThat(payload.occurredAt()).isNull();
        assertThat(payload.answeredBy()).isNull();
        assertThat(payload.callbackSource()).isNull();
        assertThat(event.time()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "queued",
                "initiated",
                "ringing",
                "in-progress",
                "completed",
                "busy",
                "no-answer",
                "failed",
                "canceled"
            })
    void whenAnyTwilioCallStatusThenItIsMappedWithItsOwnId(String callStatus) {
        var form = TwilioForms.status("CA1");
        form.put("CallStatus", callStatus);

        var event = mapper.callStatus(TwilioRequests.of(form));

        assertThat(event.payload().status().wireValue()).isEqualTo(callStatus);
        assertThat(event.id()).isEqualTo(EventIds.of("twilio-status", "acme", "CA1", callStatus, "3"));
    }

    @Test
    void whenCallSidOrCallStatusIsMissingThenBadWebhook() {
        var noCallSid = TwilioForms.status("CA1");
        noCallSid.remove("CallSid");
        var noStatus = TwilioForms.status("CA1");
        noStatus.remove("CallStatus");

        assertThatThrownBy(() -> mapper.callStatus(TwilioRequests.of(noCallSid)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("CallSid is required");
        assertThatThrownBy(() -> mapper.callStatus(TwilioRequests.of(noStatus)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("CallStatus is required");
    }

    @Test
    void whenFieldsDoNotParseThenBadWebhookNamingTheField() {
        var unknownStatus = TwilioForms.status("CA1");
        unknownStatus.put("CallStatus", "exploded");
        var badDuration = TwilioForms.status("CA1");
        badDuration.put("CallDuration", "forty");
        var badTimestamp = TwilioForms.status("CA1");
        badTimestamp.put("Timestamp", "yesterday");

        assertThatThrownBy(() -> mapper.callStatus(TwilioRequests.of(unknownStatus)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessageContaining("CallStatus");
        assertThatThrownBy(() -> mapper.callStatus(TwilioRequests.of(badDuration)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessageContaining("CallDuration");
        assertThatThrownBy(() -> mapper.callStatus(TwilioRequests.of(badTimestamp)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessageContaining("Timestamp");
    }

    @Test
    void whenRecordingCallbackThenRecordingReported() {
        var event = mapper.recording(TwilioRequests.of(TwilioForms.recording("CA1", "RE1")));

        assertThat(event.type()).isEqualTo(EventTypes.RECORDING_REPORTED);
        assertThat(event.subject()).isEqualTo("CA1");
        var payload = event.payload();
        assertThat(payload.callId()).isEqualTo("CA1");
        assertThat(payload.recordingId()).isEqualTo("RE1");
        assertThat(payload.status()).isEqualTo("completed");
        assertThat(payload.url()).endsWith("/Recordings/RE1");
        assertThat(payload.durationSeconds()).isEqualTo(41);
        assertThat(payload.channels()).isEqualTo(2);
        assertThat(payload.receivedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-progress", "completed", "absent", "failed"})
    void whenAnyRecordingStatusThenItIsMapped(String recordingStatus) {
        var form = TwilioForms.recording("CA1", "RE1");
        form.put("RecordingStatus", recordingStatus);

        assertThat(mapper.recording(TwilioRequests.of(form)).payload().status()).isEqualTo(recordingStatus);
    }

    @Test
    void whenRecordingStatusIsUnknownOrDurationNegativeThenBadWebhookNamingTheField() {
        var unknown = TwilioForms.recording("CA1", "RE1");
        unknown.put("RecordingStatus", "exploded");
        var negative = TwilioForms.recording("CA1", "RE1");
        negative.put("RecordingDuration", "-1");

        assertThatThrownBy(() -> mapper.recording(TwilioRequests.of(unknown)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessageContaining("RecordingStatus");
        assertThatThrownBy(() -> mapper.recording(TwilioRequests.of(negative)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessageContaining("RecordingDuration");
    }

    @Test
    void whenAsyncAmdCallbackThenAnsweringMachineDetected() {
        var event = mapper.answeringMachine(TwilioRequests.of(TwilioForms.amd("CA1")));

        assertThat(event.type()).isEqualTo(EventTypes.ANSWERING_MACHINE_DETECTED);
        assertThat(event.subject()).isEqualTo("CA1");
        assertThat(event.id()).isEqualTo(EventIds.of("twilio-amd", "acme", "CA1"));
        var payload = event.payload();
        assertThat(payload.provider()).isEqualTo("twilio");
        assertThat(payload.accountId()).isEqualTo("acme");
        assertThat(payload.callId()).isEqualTo("CA1");
        assertThat(payload.answeredBy()).isEqualTo("machine_end_beep");
        assertThat(payload.machineDetectionDurationMs()).isEqualTo(3210);
        assertThat(payload.receivedAt()).isEqualTo(NOW);
        assertThat(payload.requestId()).isNull();
    }

    @Test
    void whenAPlacedCallsAmdCallbackNamesItsRequestThenTheDetectionCarriesItUnderTheSameId() {
        var request = TwilioRequests.of(TwilioForms.amd("CA1"));

        var event = mapper.answeringMachine(request, "crm:2026-12:0001");

        assertThat(event.payload().requestId()).isEqualTo("crm:2026-12:0001");
        assertThat(event.payload().answeredBy()).isEqualTo("machine_end_beep");
        assertThat(event.subject()).isEqualTo("CA1");
        assertThat(event.id()).isEqualTo(mapper.answeringMachine(request).id());
    }

    @Test
    void whenAmdCallbackLacksAnsweredByThenBadWebhook() {
        var form = TwilioForms.amd("CA1");
        form.remove("AnsweredBy");

        assertThatThrownBy(() -> mapper.answeringMachine(TwilioRequests.of(form)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("AnsweredBy is required");
    }

    @Test
    void whenRecordingSidIsMissingThenBadWebhook() {
        var form = TwilioForms.recording("CA1", "RE1");
        form.remove("RecordingSid");

        assertThatThrownBy(() -> mapper.recording(TwilioRequests.of(form)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("RecordingSid is required");
    }

    @Test
    void whenVoiceWebhookThenInboundCallAndRoutingRequestForTheCall() {
        var request = TwilioRequests.of(TwilioForms.voice("CA9"));

        var inbound = mapper.inboundCall(request);
        var routing = mapper.routingRequest(request);

        assertThat(inbound.type()).isEqualTo(EventTypes.INBOUND_CALL_RECEIVED);
        assertThat(inbound.payload().callId()).isEqualTo("CA9");
        assertThat(inbound.payload().from()).isEqualTo("+14155552671");
        assertThat(inbound.payload().to()).isEqualTo("+15005550006");
        assertThat(inbound.payload().providerAccountId()).isEqualTo(TwilioForms.ACCOUNT_SID);
        assertThat(routing.type()).isEqualTo(EventTypes.ROUTING_REQUESTED);
        assertThat(routing.subject()).isEqualTo("CA9");
        assertThat(routing.payload().accountId()).isEqualTo("acme");
        assertThat(routing.id()).isNotEqualTo(inbound.id());
    }
}
