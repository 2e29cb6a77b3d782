package io.switchboard.orchestrator.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.orchestrator.account.domain.Assistant;
import io.switchboard.orchestrator.account.domain.Route;
import org.junit.jupiter.api.Test;

class VapiAnswersTests {

    private final VapiAnswers answers = new VapiAnswers();

    @Test
    void whenCallIsConnectedThenVapiIsToldTheSavedAssistantsId() {
        // when
        AnswerDocument answer = answers.connect(
                "call-1", new Route("acme", new Assistant("6f2c8a14-3b7e-4d9a-8c1f-5e2b9d7a4c63", "Sales bot", null)));

        // then
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"assistantId\":\"6f2c8a14-3b7e-4d9a-8c1f-5e2b9d7a4c63\"}");
    }

    @Test
    void whenAssistantIdHoldsJsonCharactersThenTheyAreEscaped() {
        // when
        AnswerDocument answer = answers.connect("call-1", new Route("acme", new Assistant("a\"b\\c", null, null)));

        // then
        assertThat(answer.body()).isEqualTo("{\"assistantId\":\"a\\\"b\\\\c\"}");
    }

    @Test
    void whenNumberIsNotInServiceThenVapiSpeaksAnErrorAndEndsTheCall() {
        assertThat(answers.notInService())
                .isEqualTo(new AnswerDocument("application/json", "{\"error\":\"This number is not in service.\"}"));
        assertThat(answers.provider()).isEqualTo("vapi");
    }
}
