package io.switchboard.orchestrator.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.orchestrator.account.domain.Assistant;
import io.switchboard.orchestrator.account.domain.Route;
import org.junit.jupiter.api.Test;

class TwimlAnswersTests {

    private final TwimlAnswers answers = new TwimlAnswers();

    @Test
    void whenCallIsConnectedThenTheStreamCarriesTheCallsIdentity() {
        // when
        AnswerDocument answer = answers.connect(
                "CA123", new Route("acme", new Assistant("sales", "Sales bot", "wss://assistants.example/sales")));

        // then
        assertThat(answer.contentType()).isEqualTo("text/xml");
        assertThat(answer.body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect>"
                        + "<Stream url=\"wss://assistants.example/sales\">"
                        + "<Parameter name=\"callId\" value=\"CA123\"/>"
                        + "<Parameter name=\"accountId\" value=\"acme\"/>"
                        + "<Parameter name=\"assistantId\" value=\"sales\"/>"
                        + "</Stream></Connect></Response>");
    }

    @Test
    void whenValuesHoldXmlCharactersThenTheyAreEscaped() {
        // when
        AnswerDocument answer = answers.connect(
                "CA\"<1>", new Route("acme", new Assistant("sales", null, "wss://a.example/s?x=1&y='2'")));

        // then
        assertThat(answer.body())
                .contains("url=\"wss://a.example/s?x=1&amp;y=&apos;2&apos;\"")
                .contains("value=\"CA&quot;&lt;1&gt;\"");
    }

    @Test
    void whenNumberIsNotInServiceThenTheCallerIsToldAndTheCallEnds() {
        assertThat(answers.notInService().body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Response><Say>This number is not in service.</Say><Hangup/></Response>");
    }
}
