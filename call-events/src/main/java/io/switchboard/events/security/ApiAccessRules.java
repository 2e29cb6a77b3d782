package io.switchboard.events.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Which scopes each API endpoint needs: the one place a service states it. Every request under
 * {@code /api/} that no rule names is refused, so an endpoint added without a rule is closed, and the
 * service's authorization test fails until the rule and its test exist.
 */
public final class ApiAccessRules {

    /** One endpoint: requests matching the method and path pattern need any of the scopes. */
    public record Rule(HttpMethod method, String pathPattern, List<Scope> anyOf) {

        public Rule {
            anyOf = List.copyOf(anyOf);
            if (anyOf.isEmpty()) {
                throw new IllegalArgumentException(method + " " + pathPattern + " needs at least one scope");
            }
        }

        public String[] authorities() {
            return anyOf.stream().map(Scope::authority).toArray(String[]::new);
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public ApiAccessRules allow(HttpMethod method, String pathPattern, Scope... anyOf) {
        rules.add(new Rule(method, pathPattern, Arrays.asList(anyOf)));
        return this;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
