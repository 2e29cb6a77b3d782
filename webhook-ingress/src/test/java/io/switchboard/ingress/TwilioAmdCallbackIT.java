package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwilioAmdCallbackIT extends WebhookIngressITSupport {

    private static final String AMD = "/webhooks/twilio/" + ACCOUNT + "/amd";
    private static final String REQUEST_ID = "crm:2026-12:0001";
    private static final String OUTBOUND_AMD = "/webhooks/twilio/" + ACCOUNT + "/outbound/" + REQUEST_ID + "/amd";

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();

    @Test
    void whenAsyncAmdCallbackThenAnsweringMachineDetectedForTheCall() {
        postSigned(AMD, TwilioForms.amd(callSid)).expectStatus().isOk();

        var event = providerEvents.exactlyOneEventFor(callSid);
        assertThat(event.is(EventTypes.ANSWERING_MACHINE_DETECTED)).isTrue();
        assertThat(event.id()).isEqualTo(EventIds.of("twilio-amd", ACCOUNT, callSid));
        var payload = event.as(EventTypes.ANSWERING_MACHINE_DETECTED).payload();
        assertThat(payload.accountId()).isEqualTo(ACCOUNT);
        assertThat(payload.answeredBy()).isEqualTo("machine_end_beep");
        assertThat(payload.machineDetectionDurationMs()).isEqualTo(3210);
        assertThat(payload.requestId()).isNull();
    }

    @Test
    void whenAPlacedCallsAmdCallbackNamesItsRequestThenTheDetectionCarriesTheRequestId() {
        postSigned(OUTBOUND_AMD, TwilioForms.amd(callSid)).expectStatus().isOk();

        var event = providerEvents.exactlyOneEventFor(callSid);
        assertThat(event.is(EventTypes.ANSWERING_MACHINE_DETECTED)).isTrue();
        // one detection per call, whichever URL reported it
        assertThat(event.id()).isEqualTo(EventIds.of("twilio-amd", ACCOUNT, callSid));
        assertThat(event.subject()).isEqualTo(callSid);
        var payload = event.as(EventTypes.ANSWERING_MACHINE_DETECTED).payload();
        assertThat(payload.requestId()).isEqualTo(REQUEST_ID);
        assertThat(payload.accountId()).isEqualTo(ACCOUNT);
        assertThat(payload.answeredBy()).isEqualTo("machine_end_beep");
        assertThat(payload.machineDetectionDurationMs()).isEqualTo(3210);
    }

    @Test
    void whenAPlacedCallsAmdCallbackIsRepeatedThenOneRecord() {
        postSigned(OUTBOUND_AMD, TwilioForms.amd(callSid)).expectStatus().isOk();
        postSigned(OUTBOUND_AMD, TwilioForms.amd(callSid)).expectStatus().isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenAnAmdCallbacksRequestIdIsNotOneTheDialerCouldHaveGivenThenNotFoundAndNothingPublished() {
        String malformed = "/webhooks/twilio/" + ACCOUNT + "/outbound/" + "x".repeat(129) + "/amd";
        String badCharacter = "/webhooks/twilio/" + ACCOUNT + "/outbound/req%20one/amd";

        postSigned(malformed, TwilioForms.amd(callSid)).expectStatus().isNotFound();
        postSigned(badCharacter, TwilioForms.amd(callSid)).expectStatus().isNotFound();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAnAmdCallbackIsSignedForAnotherRequestThenForbiddenAndNothingPublished() {
        var form = TwilioForms.amd(callSid);
        // the request id is covered by the signature: a callback cannot be moved onto another request
        String signature = sign("/webhooks/twilio/" + ACCOUNT + "/outbound/r2/amd", form);

        post("/webhooks/twilio/" + ACCOUNT + "/outbound/r1/amd", form, signature, null)
                .expectStatus()
                .isForbidden();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAPlacedCallsAmdCallbackIsUnsignedThenForbiddenAndNothingPublished() {
        post(OUTBOUND_AMD, TwilioForms.amd(callSid), null, null).expectStatus().isForbidden();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAPlacedCallsAmdCallbackLacksAnsweredByThenBadRequestAndNothingPublished() {
        var form = TwilioForms.amd(callSid);
        form.remove("AnsweredBy");

        postSigned(OUTBOUND_AMD, form)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("AnsweredBy is required");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAmdCallbackRepeatedThenOneRecord() {
        postSigned(AMD, TwilioForms.amd(callSid)).expectStatus().isOk();
        postSigned(AMD, TwilioForms.amd(callSid)).expectStatus().isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenAnsweredByIsMissingThenBadRequestAndNothingPublished() {
        var form = TwilioForms.amd(callSid);
        form.remove("AnsweredBy");

        postSigned(AMD, form)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("AnsweredBy is required");

        providerEvents.assertNothingPublishedFor(callSid);
    }
}
