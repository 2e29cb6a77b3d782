package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.provider.AssistantHangReported;
import io.switchboard.events.provider.CallReportReceived;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.testing.WebhookProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Each VAPI server message type becomes the right event, once, on the real broker. */
class VapiServerMessageIT extends WebhookIngressITSupport {

    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callId = VapiMessages.newCallId();

    @Test
    void whenStatusUpdateWithTheSecretHeaderThenOneCallStatusReported() {
        postWithSecret(VapiMessages.statusUpdate(callId, "in-progress"))
                .expectStatus()
                .isOk();

        ReceivedEvent<CallStatusReported> event =
                providerEvents.exactlyOneEventFor(callId).as(EventTypes.CALL_STATUS_REPORTED);
        assertThat(event.subject()).isEqualTo(callId);
        assertThat(event.payload().provider()).isEqualTo("vapi");
        assertThat(event.payload().accountId()).isEqualTo(SECRET_ACCOUNT);
        assertThat(event.payload().status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(event.payload().direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(event.payload().from()).isEqualTo(VapiMessages.CUSTOMER_NUMBER);
    }

    @Test
    void whenStatusUpdateIsRepeatedThenBothAnsweredAndOneEventAndADedupHit() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");
        double hits = dedupHits();

        postSigned(body).expectStatus().isOk();
        providerEvents.exactlyOneEventFor(callId);
        postSigned(body).expectStatus().isOk();

        assertThat(providerEvents.exactlyOneEventFor(callId).type()).isEqualTo(EventTypes.CALL_STATUS_REPORTED.token());
        assertThat(dedupHits()).isEqualTo(hits + 1);
    }

    @Test
    void whenCallEndsBusyThenTheTerminalStatusIsBusy() {
        postSigned(VapiMessages.statusUpdate(callId, "ended", "customer-busy"))
                .expectStatus()
                .isOk();

        CallStatusReported status = providerEvents
                .exactlyOneEventFor(callId)
                .as(EventTypes.CALL_STATUS_REPORTED)
                .payload();
        assertThat(status.status()).isEqualTo(CallStatus.BUSY);
        assertThat(status.durationSeconds()).isEqualTo(125);
    }

    @Test
    void whenEndOfCallReportThenOneCallReportWithTranscriptSummaryRecordingAndCost() {
        postSigned(VapiMessages.endOfCallReport(callId)).expectStatus().isOk();

        CallReportReceived report = providerEvents
                .exactlyOneEventFor(callId)
                .as(EventTypes.CALL_REPORT_RECEIVED)
                .payload();
        assertThat(report.accountId()).isEqualTo(HMAC_ACCOUNT);
        assertThat(report.endedReason()).isEqualTo("customer-ended-call");
        assertThat(report.transcript()).startsWith("AI: Thanks for calling Acme");
        assertThat(report.summary()).startsWith("The caller asked");
        assertThat(report.recordingUrl()).isEqualTo("https://storage.vapi.ai/" + callId + "-1723595225046-mono.wav");
        assertThat(report.cost()).isEqualTo(new BigDecimal("0.1283"));
        assertThat(report.costCurrency()).isEqualTo("USD");
        assertThat(report.durationSeconds()).isEqualTo(125);
    }

    @Test
    void whenHangThenOneAssistantHangReported() {
        postWithSecret(VapiMessages.hang(callId)).expectStatus().isOk();

        AssistantHangReported hang = providerEvents
                .exactlyOneEventFor(callId)
                .as(EventTypes.ASSISTANT_HANG_REPORTED)
                .payload();
        assertThat(hang.callId()).isEqualTo(callId);
        assertThat(hang.occurredAt()).isNotNull();
    }

    @Test
    void whenMessageTypeIsNotOneWeUseThenAnsweredAndNothingPublished() {
        byte[] transcript = ("{\"message\":{\"type\":\"transcript\",\"role\":\"user\",\"transcriptType\":\"partial\","
                        + "\"transcript\":\"I'd like to book\",\"call\":{\"id\":\"" + callId + "\"}}}")
                .getBytes();

        postWithSecret(transcript).expectStatus().isOk();

        providerEvents.assertNothingPublishedFor(callId);
    }

    @Test
    void whenStatusIsNotACallStateThenAnsweredAndNothingPublished() {
        postWithSecret(VapiMessages.statusUpdate(callId, "not-found"))
                .expectStatus()
                .isOk();

        providerEvents.assertNothingPublishedFor(callId);
    }

    private double dedupHits() {
        var counter = meters.find("switchboard.webhook.dedup.hits")
                .tag("type", EventTypes.CALL_STATUS_REPORTED.token())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
