package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class TwilioStatusCallbackIT extends WebhookIngressITSupport {

    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";

    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();

    @Test
    void whenSignedStatusCallbackThenAnsweredAfterExactlyOneSignedEvent() {
        var form = TwilioForms.status(callSid);
        form.put("ParentCallSid", "CA0000");
        double acceptedBefore = webhooks("accepted");

        postSigned(STATUS, form).expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML);

        var event = providerEvents.exactlyOneEventFor(callSid);
        assertThat(event.is(EventTypes.CALL_STATUS_REPORTED)).isTrue();
        assertThat(event.subject()).isEqualTo(callSid);
        assertThat(event.time()).isEqualTo(Instant.parse("2023-07-04T18:43:02Z"));
        var payload = event.as(EventTypes.CALL_STATUS_REPORTED).payload();
        assertThat(payload.accountId()).isEqualTo(ACCOUNT);
        assertThat(payload.providerAccountId()).isEqualTo(TwilioForms.ACCOUNT_SID);
        assertThat(payload.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(payload.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(payload.durationSeconds()).isEqualTo(42);
        assertThat(payload.sequenceNumber()).isEqualTo(3);
        assertThat(payload.answeredBy()).isEqualTo("human");
        assertThat(payload.parentCallId()).isEqualTo("CA0000");
        assertThat(webhooks("accepted")).isEqualTo(acceptedBefore + 1);
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
    void whenAnyCallStatusIsReportedThenItIsPublished(String callStatus) {
        var form = TwilioForms.status(callSid);
        form.put("CallStatus", callStatus);

        postSigned(STATUS, form).expectStatus().isOk();

        var payload = providerEvents
                .exactlyOneEventFor(callSid)
                .as(EventTypes.CALL_STATUS_REPORTED)
                .payload();
        assertThat(payload.status()).isEqualTo(CallStatus.fromWire(callStatus));
    }

    @Test
    void whenCallbackRepeatedWithinTheWindowThenOneRecordAndTheRepeatIsAnsweredTheSame() {
        var form = TwilioForms.status(callSid);
        String signature = sign(STATUS, form);
        double hitsBefore = dedupHits();

        post(STATUS, form, signature, "token-" + callSid).expectStatus().isOk();
        post(STATUS, form, signature, "token-" + callSid)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_XML);

        assertThat(providerEvents.exactlyOneEventFor(callSid).id())
                .isEqualTo(EventIds.of("twilio", ACCOUNT, "token-" + callSid));
        assertThat(dedupHits()).isEqualTo(hitsBefore + 1);
    }

    @Test
    void whenTheSameStatusComesWithAnotherSequenceNumberThenBothArePublished() {
        var first = TwilioForms.status(callSid);
        var second = TwilioForms.status(callSid);
        second.put("SequenceNumber", "4");

        postSigned(STATUS, first).expectStatus().isOk();
        postSigned(STATUS, second).expectStatus().isOk();

        await().until(() -> providerEvents.eventsFor(callSid).size() == 2);
    }

    @Test
    void whenUrlHasAQueryStringThenTheSignatureCoversItAsSent() {
        postSigned(STATUS + "?attempt=2&campaign=spring", TwilioForms.status(callSid))
                .expectStatus()
                .isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenAParameterIsTamperedThenForbiddenAndNothingPublished() {
        var form = TwilioForms.status(callSid);
        String signature = sign(STATUS, form);
        form.put("CallStatus", "busy");
        double failuresBefore = signatureFailures("signature-mismatch");

        post(STATUS, form, signature, null)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("signature-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
        assertThat(signatureFailures("signature-mismatch")).isEqualTo(failuresBefore + 1);
    }

    @Test
    void whenSignedForAnotherHostThenForbidden() {
        var form = TwilioForms.status(callSid);

        post(STATUS, form, TwilioSignatures.sign(AUTH_TOKEN, "https://evil.example.test" + STATUS, form), null)
                .expectStatus()
                .isForbidden();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenSignatureHeaderIsMissingThenForbiddenAndCounted() {
        double failuresBefore = signatureFailures("missing-signature");

        post(STATUS, TwilioForms.status(callSid), null, null)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("missing-signature");

        providerEvents.assertNothingPublishedFor(callSid);
        assertThat(signatureFailures("missing-signature")).isEqualTo(failuresBefore + 1);
    }

    @Test
    void whenSignatureFailsThenForbiddenEvenIfTheBodyIsAlsoBad() {
        var form = TwilioForms.status(callSid);
        form.remove("CallStatus");

        post(STATUS, form, "bm90IGEgc2lnbmF0dXJl", null).expectStatus().isForbidden();
    }

    @Test
    void whenCallSidIsMissingThenBadRequestNamingIt() {
        var form = TwilioForms.status(callSid);
        form.remove("CallSid");

        postSigned(STATUS, form)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("CallSid is required");
    }

    @Test
    void whenScrapedThenPrometheusShowsTheWebhookTimerAndThePublishLatencyHistogram() {
        postSigned(STATUS, TwilioForms.status(callSid)).expectStatus().isOk();

        String scrape = management()
                .get("/actuator/prometheus")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .containsPattern(
                        "switchboard_webhooks_seconds_count\\{[^}]*outcome=\"accepted\"[^}]*provider=\"twilio\"[^}]*type=\"status\"")
                .containsPattern("switchboard_webhooks_seconds_bucket\\{[^}]*outcome=\"accepted\"")
                .doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/webhooks/")
                .containsPattern("switchboard_webhook_publish_seconds_bucket\\{[^}]*outcome=\"acked\"")
                .contains("switchboard_webhook_dedup_window_size");
    }

    private double webhooks(String outcome) {
        var timer = meters.find("switchboard.webhooks")
                .tags("provider", "twilio", "type", "status", "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double signatureFailures(String reason) {
        var counter = meters.find("switchboard.webhook.signature.failures")
                .tags("provider", "twilio", "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double dedupHits() {
        var counter = meters.find("switchboard.webhook.dedup.hits")
                .tag("type", EventTypes.CALL_STATUS_REPORTED.token())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
