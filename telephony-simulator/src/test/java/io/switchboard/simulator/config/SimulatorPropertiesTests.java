package io.switchboard.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.fault.Faults;
import io.switchboard.simulator.outcome.AnsweredBy;
import io.switchboard.simulator.outcome.CallOutcome;
import io.switchboard.simulator.outcome.OutcomeRule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SimulatorPropertiesTests {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void whenAccountComesFromEnvironmentVariableThenSidKeepsItsPrefix() {
        // given
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SWITCHBOARD_SIMULATOR_ACCOUNTS_" + SID.toUpperCase(), "secret-token"));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment));

        // when
        Map<String, String> bound = binder.bind(
                        "switchboard.simulator.accounts", Bindable.mapOf(String.class, String.class))
                .get();
        SimulatorProperties properties = properties(bound);

        // then
        assertThat(properties.accounts()).containsExactly(Map.entry(SID, "secret-token"));
    }

    @Test
    void whenPrintedThenTokensStayHidden() {
        // given
        SimulatorProperties properties = properties(Map.of(SID, "secret-token"));

        // when
        String printed = properties.toString();

        // then
        assertThat(printed).contains(SID).doesNotContain("secret-token");
    }

    @Test
    void whenSettingInvalidThenRefusedNamingTheProperty() {
        assertThatThrownBy(() -> properties(Map.of(), "http://localhost:8090", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switchboard.simulator.retained-calls must be positive");
        assertThatThrownBy(() -> properties(Map.of(), " ", 1))
                .hasMessage("switchboard.simulator.public-base-url is required");
    }

    private static SimulatorProperties properties(Map<String, String> accounts) {
        return properties(accounts, "http://localhost:8090", 10_000);
    }

    private static SimulatorProperties properties(
            Map<String, String> accounts, String publicBaseUrl, int retainedCalls) {
        return new SimulatorProperties(
                accounts,
                publicBaseUrl,
                Duration.ofMillis(150),
                List.of(new OutcomeRule(".*", CallOutcome.COMPLETED, 65, AnsweredBy.HUMAN)),
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(15),
                500,
                retainedCalls,
                Faults.NONE,
                true);
    }
}
