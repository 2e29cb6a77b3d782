package io.switchboard.orchestrator.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.account.domain.Accounts;
import org.junit.jupiter.api.Test;

class InboundRouterTests {

    private final AccountDirectory directory = new AccountDirectory();
    private final InboundRouter router = new InboundRouter(directory, List.of(new TwimlAnswers(), new VapiAnswers()));

    @Test
    void whenNumberIsKnownThenTheCallGoesToItsAssistant() {
        // given
        directory.apply(Accounts.acme(Instant.EPOCH));

        // when
        RoutingDecision decision = router.route("twilio", "CA1", "acme", Accounts.SALES_NUMBER);

        // then
        assertThat(decision.assistantId()).isEqualTo("sales");
        assertThat(decision.answer().body()).contains("<Stream url=\"" + Accounts.STREAM_URL + "\">");
    }

    @Test
    void whenNumberIsUnknownThenNoAssistantAndNotInService() {
        // when
        RoutingDecision decision = router.route("twilio", "CA1", "acme", "+14155550000");

        // then
        assertThat(decision.assistantId()).isNull();
        assertThat(decision.answer()).isEqualTo(new TwimlAnswers().notInService());
    }

    @Test
    void whenVapiAsksThenTheAnswerIsVapiJsonNamingTheAssistant() {
        // given
        directory.apply(Accounts.acme(Instant.EPOCH));

        // when
        RoutingDecision known = router.route("vapi", "call-1", "acme", Accounts.SALES_NUMBER);
        RoutingDecision unknown = router.route("vapi", "call-2", "acme", "+14155550000");

        // then
        assertThat(known.assistantId()).isEqualTo("sales");
        assertThat(known.answer()).isEqualTo(new AnswerDocument("application/json", "{\"assistantId\":\"sales\"}"));
        assertThat(unknown.assistantId()).isNull();
        assertThat(unknown.answer()).isEqualTo(new VapiAnswers().notInService());
    }

    @Test
    void whenProviderHasNoAnswerLanguageThenRefused() {
        assertThatThrownBy(() -> router.route("exotel", "call-1", "acme", Accounts.SALES_NUMBER))
                .isInstanceOf(UnknownProviderException.class)
                .hasMessageContaining("exotel");
        assertThatThrownBy(() -> router.route(null, "call-1", "acme", Accounts.SALES_NUMBER))
                .isInstanceOf(UnknownProviderException.class);
    }
}
