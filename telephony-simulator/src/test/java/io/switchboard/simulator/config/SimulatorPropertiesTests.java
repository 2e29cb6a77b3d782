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

    @Test
    void whenDefaultsAreBoundThenPacingIsTwiliosAndAccountOverridesKeepTheirSid() {
        // given: nothing about pacing set, one account's CPS raised from the environment
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.ofEntries(
                        Map.entry("SWITCHBOARD_SIMULATOR_ACCOUNTS_" + SID.toUpperCase(), "secret-token"),
                        Map.entry("SWITCHBOARD_SIMULATOR_PUBLICBASEURL", "http://localhost:8090"),
                        Map.entry("SWITCHBOARD_SIMULATOR_STEPDELAY", "150ms"),
                        Map.entry("SWITCHBOARD_SIMULATOR_OUTCOMERULES_0_PATTERN", ".*"),
                        Map.entry("SWITCHBOARD_SIMULATOR_OUTCOMERULES_0_OUTCOME", "completed"),
                        Map.entry("SWITCHBOARD_SIMULATOR_WEBHOOKRETRYDELAY", "500ms"),
                        Map.entry("SWITCHBOARD_SIMULATOR_WEBHOOKTIMEOUT", "15s"),
                        Map.entry("SWITCHBOARD_SIMULATOR_WEBHOOKMAXCONNECTIONS", "500"),
                        Map.entry("SWITCHBOARD_SIMULATOR_RETAINEDCALLS", "10"),
                        Map.entry("SWITCHBOARD_SIMULATOR_FAULTS_DUPLICATE", "false"),
                        Map.entry("SWITCHBOARD_SIMULATOR_ACCOUNTCALLSPERSECOND_" + SID.toUpperCase(), "5")));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment));

        // when
        SimulatorProperties properties =
                binder.bind("switchboard.simulator", SimulatorProperties.class).get();

        // then
        assertThat(properties.callsPerSecond()).isEqualTo(1);
        assertThat(properties.maxQueueTime()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.apiConcurrency()).isEqualTo(100);
        assertThat(properties.accountCallsPerSecond()).containsExactly(Map.entry(SID, 5));
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
                true,
                1,
                Map.of(),
                Duration.ofHours(24),
                100);
    }
}
