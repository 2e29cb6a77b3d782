package io.switchboard.simulator.outcome;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replaces the outcome script at runtime; calls already running keep the outcome they started with. */
@RestController
@RequestMapping("/simulator/outcome-rules")
class OutcomeRulesController {

    private final OutcomeRules rules;

    OutcomeRulesController(OutcomeRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<OutcomeRule> get() {
        return rules.all();
    }

    @PutMapping
    List<OutcomeRule> put(@RequestBody List<OutcomeRule> replacement) {
        rules.replace(replacement);
        return rules.all();
    }
}
