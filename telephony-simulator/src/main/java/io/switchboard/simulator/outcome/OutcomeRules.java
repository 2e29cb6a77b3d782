package io.switchboard.simulator.outcome;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.switchboard.simulator.config.SimulatorProperties;
import org.springframework.stereotype.Component;

/** The ordered outcome rules in force; first match wins. */
@Component
public class OutcomeRules {

    /** A script without a catch-all rule still needs an answer for unmatched numbers. */
    static final OutcomeRule FALLBACK = new OutcomeRule(".*", CallOutcome.COMPLETED, 0, AnsweredBy.HUMAN);

    private final AtomicReference<List<OutcomeRule>> rules;

    OutcomeRules(SimulatorProperties properties) {
        this.rules = new AtomicReference<>(properties.outcomeRules());
    }

    public OutcomeRule match(String number) {
        return rules.get().stream()
                .filter(rule -> rule.matches(number))
                .findFirst()
                .orElse(FALLBACK);
    }

    List<OutcomeRule> all() {
        return rules.get();
    }

    void replace(List<OutcomeRule> replacement) {
        rules.set(List.copyOf(replacement));
    }
}
