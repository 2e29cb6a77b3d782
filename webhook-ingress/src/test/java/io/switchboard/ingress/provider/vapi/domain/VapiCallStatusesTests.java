package io.switchboard.ingress.provider.vapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.events.call.CallStatus;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VapiCallStatusesTests {

    @ParameterizedTest
    @CsvSource({
        "scheduled, queued",
        "queued, queued",
        "ringing, ringing",
        "in-progress, in-progress",
        "forwarding, in-progress"
    })
    void whenCallIsLiveThenItsStatusMapsOneToOne(String vapi, String switchboard) {
        assertThat(VapiCallStatuses.of(vapi, null)).contains(CallStatus.fromWire(switchboard));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "customer-ended-call, completed",
                "assistant-ended-call, completed",
                "exceeded-max-duration, completed",
                "silence-timed-out, completed",
                "voicemail, completed",
                "call.in-progress.error-vapifault-openai-llm-failed, completed",
                "none, completed",
                "customer-busy, busy",
                "call.forwarding.operator-busy, busy",
                "customer-did-not-answer, no-answer",
                "manually-canceled, canceled",
                "scheduled-call-deleted, canceled",
                "call.start.error-subscription-insufficient-credits, failed",
                "call-start-error-neither-assistant-nor-server-set, failed",
                "assistant-request-returned-error, failed",
                "assistant-not-found, failed",
                "twilio-failed-to-connect-call, failed",
                "vonage-rejected, failed",
                "call.in-progress.error-vapifault-transport-never-connected, failed",
                "call.in-progress.error-sip-outbound-call-failed-to-connect, failed"
            })
    void whenCallEndedThenTheReasonPicksTheTerminalStatus(String endedReason, String switchboard) {
        assertThat(VapiCallStatuses.of("ended", endedReason)).contains(CallStatus.fromWire(switchboard));
    }

    @ParameterizedTest
    @CsvSource({"not-found", "deletion-failed"})
    void whenStatusIsNotAStateOfACallThenNothing(String vapi) {
        assertThat(VapiCallStatuses.of(vapi, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"answered", "ENDED", "''"})
    void whenStatusIsUnknownThenBadWebhook(String vapi) {
        assertThatThrownBy(() -> VapiCallStatuses.of(vapi, null)).isInstanceOf(BadWebhookException.class);
    }
}
