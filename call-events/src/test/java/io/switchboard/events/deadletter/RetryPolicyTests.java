package io.switchboard.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTests {

    @Test
    void whenTheDefaultsAreGivenThenThePolicyIsBuilt() {
        // when
        var policy = new RetryPolicy(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));

        // then
        assertThat(policy.backOff(() -> false).start().nextBackOff()).isEqualTo(500);
    }

    @Test
    void whenTheInitialIntervalEqualsTheCapAndTheMultiplierIsOneThenThePolicyIsBuilt() {
        // when
        var policy = new RetryPolicy(Duration.ofMillis(1), 1.0, Duration.ofMillis(1));

        // then
        assertThat(policy.backOff(() -> false).start().nextBackOff()).isEqualTo(1);
    }

    @ParameterizedTest(name = "initial {0}, multiplier {1}, max {2}")
    @CsvSource({
        "PT0S,      2.0,  PT30S",
        "PT-1S,     2.0,  PT30S",
        "PT0.0005S, 2.0,  PT30S",
        "PT0.5S,    0.99, PT30S",
        "PT0.5S,    0.0,  PT30S",
        "PT0.5S,    -2.0, PT30S",
        "PT0.5S,    2.0,  PT0.499S",
    })
    void whenASettingIsOutOfRangeThenThePolicyIsRefused(Duration initial, double multiplier, Duration max) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(initial, multiplier, max))
                .withMessageContaining("initial-interval")
                .withMessageContaining("max-interval")
                .withMessageContaining("multiplier");
    }
}
