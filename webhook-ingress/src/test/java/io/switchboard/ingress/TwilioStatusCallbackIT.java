package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.testing.TopicProbe;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.TwilioSignatures;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class TwilioStatusCallbackIT extends WebhookIngressITSupport {

    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";

    @Autowired
    MeterRegistry meters;

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
    void whenSignedStatusCallbackThenAnsweredAfterExactlyOneSignedEvent() {
        var form = TwilioForms.status(callSid);
        double acceptedBefore = webhooks("accepted");

        postSigned(STATUS, form).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML);

        List<ReceivedEvent<Object>> events = exactlyOneEventFor(callSid);
        var event = events.getFirst();
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
        assertThat(webhooks("accepted")).isEqualTo(acceptedBefore + 1);
    }

    @Test
    void whenCallbackRepeatedThenTheRepeatCarriesTheSameEventId() {
        var form = TwilioForms.status(callSid);
        String signature = sign(STATUS, form);

        post(STATUS, form, signature, "token-" + callSid).expectStatus().isOk();
        post(STATUS, form, signature, "token-" + callSid).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).until(() -> providerEvents.eventsFor(callSid).size() == 2);
        var events = providerEvents.eventsFor(callSid);
        assertThat(events.get(1).id()).isEqualTo(events.get(0).id());
    }

    @Test
    void whenUrlHasAQueryStringThenTheSignatureCoversItAsSent() {
        postSigned(STATUS + "?attempt=2&campaign=spring", TwilioForms.status(callSid)).expectStatus().isOk();

        exactlyOneEventFor(callSid);
    }

    @Test
    void whenAParameterIsTamperedThenForbiddenAndNothingPublished() {
        var form = TwilioForms.status(callSid);
        String signature = sign(STATUS, form);
        form.put("CallStatus", "busy");
        double failuresBefore = signatureFailures("signature-mismatch");

        post(STATUS, form, signature, null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("signature-mismatch");

        assertNothingPublishedFor(callSid);
        assertThat(signatureFailures("signature-mismatch")).isEqualTo(failuresBefore + 1);
    }

    @Test
    void whenSignedWithAnotherTokenThenForbiddenAndNothingPublished() {
        var form = TwilioForms.status(callSid);
        String wrong = TwilioSignatures.sign("not-" + AUTH_TOKEN,
                PUBLIC_BASE_URL + STATUS, form);

        post(STATUS, form, wrong, null).expectStatus().isForbidden();

        assertNothingPublishedFor(callSid);
    }

    @Test
    void whenSignedForAnotherHostThenForbidden() {
        var form = TwilioForms.status(callSid);
        String forOtherHost = TwilioSignatures.sign(AUTH_TOKEN,
                "https://evil.example.test" + STATUS, form);

        post(STATUS, form, forOtherHost, null).expectStatus().isForbidden();

        assertNothingPublishedFor(callSid);
    }

    @Test
    void whenSignatureHeaderIsMissingThenForbiddenAndNothingPublished() {
        post(STATUS, TwilioForms.status(callSid), null, null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("missing-signature");

        assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAccountIsUnknownThenNotFound() {
        String path = "/webhooks/twilio/nobody/status";
        var form = TwilioForms.status(callSid);

        post(path, form, sign(path, form), null).expectStatus().isNotFound();

        assertNothingPublishedFor(callSid);
    }

    @Test
    void whenCallSidIsMissingThenBadRequest() {
        var form = TwilioForms.status(callSid);
        form.remove("CallSid");

        postSigned(STATUS, form).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("CallSid is required");
    }

    @Test
    void whenCallStatusIsUnknownThenBadRequest() {
        var form = TwilioForms.status(callSid);
        form.put("CallStatus", "exploded");

        postSigned(STATUS, form).expectStatus().isBadRequest();

        assertNothingPublishedFor(callSid);
    }

    @Test
    void whenSignatureFailsThenForbiddenEvenIfTheBodyIsAlsoBad() {
        var form = TwilioForms.status(callSid);
        form.remove("CallStatus");

        post(STATUS, form, "bm90IGEgc2lnbmF0dXJl", null).expectStatus().isForbidden();
    }

    @Test
    void whenBodyCannotBeDecodedThenBadRequest() {
        web.post().uri(STATUS).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .bodyValue("CallSid=" + callSid + "&CallStatus=%zz")
                .exchange()
                .expectStatus().isBadRequest();

        assertNothingPublishedFor(callSid);
    }

    @Test
    void whenBodyIsOversizedThenPayloadTooLarge() {
        var form = TwilioForms.status(callSid);
        form.put("Padding", "x".repeat(100_000));

        postSigned(STATUS, form).expectStatus().isEqualTo(413);
    }

    @Test
    void whenContentTypeIsNotFormThenUnsupportedMediaType() {
        web.post().uri(STATUS).contentType(MediaType.APPLICATION_JSON)
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .bodyValue("{\"CallSid\":\"" + callSid + "\"}")
                .exchange()
                .expectStatus().isEqualTo(415);
    }

    @Test
    void whenMethodIsGetThenMethodNotAllowed() {
        web.get().uri(STATUS).exchange().expectStatus().isEqualTo(405);
    }

    private List<ReceivedEvent<Object>> exactlyOneEventFor(String key) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !providerEvents.eventsFor(key).isEmpty());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> providerEvents.eventsFor(key).size() == 1);
        return providerEvents.eventsFor(key);
    }

    private void assertNothingPublishedFor(String key) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> providerEvents.eventsFor(key).isEmpty());
    }

    private double webhooks(String outcome) {
        var counter = meters.find("switchboard.webhooks")
                .tags("provider", "twilio", "type", "status", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double signatureFailures(String reason) {
        var counter = meters.find("switchboard.webhook.signature.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
