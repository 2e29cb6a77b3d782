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
