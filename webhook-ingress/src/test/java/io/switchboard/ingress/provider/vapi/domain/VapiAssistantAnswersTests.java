package io.switchboard.ingress.provider.vapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.provider.vapi.config.VapiProperties.AssistantRequest;
import org.junit.jupiter.api.Test;

class VapiAssistantAnswersTests {

    private final VapiAssistantAnswers answers = new VapiAssistantAnswers(VapiSettings.defaults());

    @Test
    void whenTheOrchestratorAnsweredInJsonThenItsDocumentIsTheAnswer() {
        var decided =
                new RoutingDecided("call-1", "sales", "application/json", "{\"assistantId\":\"sales\"}", Instant.EPOCH);

        assertThat(answers.answer(decided)).contains("{\"assistantId\":\"sales\"}");
    }

    @Test
    void whenTheDecisionIsTwimlOrNotJsonThenNoAnswer() {
        assertThat(answers.answer(new RoutingDecided("call-1", "sales", "text/xml", "<Response/>", Instant.EPOCH)))
                .isEmpty();
        assertThat(answers.answer(new RoutingDecided("call-1", "sales", "application/json", "[1]", Instant.EPOCH)))
                .isEmpty();
        assertThat(answers.answer(new RoutingDecided("call-1", "sales", "bogus", "{}", Instant.EPOCH)))
                .isEmpty();
    }

    @Test
    void whenFallbackIsNotAJsonObjectThenTheAppDoesNotStart() {
        VapiProperties defaults = VapiSettings.defaults();
        var broken = new VapiProperties(
                defaults.secretHeader(),
                defaults.signatureHeader(),
                defaults.timestampHeader(),
                defaults.signaturePrefix(),
                defaults.signatureEncoding(),
                defaults.timestampTolerance(),
                defaults.maxBodySize(),
                new AssistantRequest(Duration.ofSeconds(3), "Sorry!"));

        assertThatThrownBy(() -> new VapiAssistantAnswers(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fallback");
    }

    @Test
    void whenFallbackIsTheDefaultThenVapiSpeaksAnError() {
        assertThat(answers.fallback()).isEqualTo("{\"error\":\"Sorry, we cannot take your call right now.\"}");
    }
}
