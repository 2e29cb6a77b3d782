package io.switchboard.simulator.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.config.SimulatorProperties;
import io.switchboard.simulator.fault.Faults;
import org.junit.jupiter.api.Test;

class OutcomeRulesTests {

    private final OutcomeRules rules = new OutcomeRules(new SimulatorProperties(
            Map.of(),
            "http://localhost",
            Duration.ofMillis(1),
            List.of(
                    new OutcomeRule(".*0002$", CallOutcome.BUSY, 0, AnsweredBy.HUMAN),
                    new OutcomeRule("\\+4420.*", CallOutcome.COMPLETED, 10, AnsweredBy.HUMAN),
                    new OutcomeRule(".*", CallOutcome.COMPLETED, 65, AnsweredBy.HUMAN)),
            3,
            Duration.ofMillis(1),
            Duration.ofSeconds(1),
            1,
            1,
            Faults.NONE,
            true,
            1,
            Map.of(),
            Duration.ofHours(24),
            100));

    @Test
    void whenSeveralRulesMatchThenFirstWins() {
        // when
        OutcomeRule rule = rules.match("+442000000002");

        // then
        assertThat(rule.outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void whenPatternMatchesOnlyPartOfNumberThenRuleDoesNotApply() {
        // when
        OutcomeRule rule = rules.match("+15554420123");

        // then
        assertThat(rule.durationSeconds()).isEqualTo(65);
    }

    @Test
    void whenNoRuleMatchesThenCallCompletesWithoutTalkTime() {
        // given
        rules.replace(List.of(new OutcomeRule(".*0003$", CallOutcome.NO_ANSWER, 0, AnsweredBy.HUMAN)));

        // when
        OutcomeRule rule = rules.match("+15550100001");

        // then
        assertThat(rule).isEqualTo(OutcomeRules.FALLBACK);
    }

    @Test
    void whenPatternIsNoRegexThenRuleIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutcomeRule("([", CallOutcome.BUSY, 0, AnsweredBy.HUMAN))
                .withMessageContaining("not a valid regex");
    }
}
