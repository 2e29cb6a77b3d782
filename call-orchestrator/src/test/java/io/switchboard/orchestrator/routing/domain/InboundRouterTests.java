package io.switchboard.orchestrator.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.account.domain.Accounts;
import org.junit.jupiter.api.Test;

class InboundRouterTests {

    private final AccountDirectory directory = new AccountDirectory();
    private final InboundRouter router = new InboundRouter(directory, new TwimlAnswers());

    @Test
    void whenNumberIsKnownThenTheCallGoesToItsAssistant() {
        // given
        directory.apply(Accounts.acme(Instant.EPOCH));

        // when
        RoutingDecision decision = router.route("CA1", "acme", Accounts.SALES_NUMBER);

        // then
        assertThat(decision.assistantId()).isEqualTo("sales");
        assertThat(decision.answer().body()).contains("<Stream url=\"" + Accounts.STREAM_URL + "\">");
    }

    @Test
    void whenNumberIsUnknownThenNoAssistantAndNotInService() {
        // when
        RoutingDecision decision = router.route("CA1", "acme", "+14155550000");

        // then
        assertThat(decision.assistantId()).isNull();
        assertThat(decision.answer()).isEqualTo(new TwimlAnswers().notInService());
    }
}
