package io.switchboard.dialer.pacing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.switchboard.dialer.pacing.domain.PacingLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PacingPropertiesTests {

    private static final PacingProperties.Backoff BACKOFF =
            new PacingProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

    @Test
    void whenNothingIsConfiguredThenTwiliosDefaultRateAndTheDocumentedLimitsApply() {
        PacingProperties properties = bind(Map.of());

        assertThat(properties.callsPerSecond()).isEqualTo(1.0);
        assertThat(properties.concurrentCalls()).isEqualTo(10);
        assertThat(properties.prefixCallsPerSecond()).isEqualTo(3.0);
        assertThat(properties.jitterAllowance()).isEqualTo(Duration.ofMillis(25));
        assertThat(properties.slotLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff()).isEqualTo(BACKOFF);
        assertThat(properties.providerAccounts()).isEmpty();
        assertThat(properties.limitsOf("AC-any")).isEqualTo(new PacingLimits(1.0, 10, 3.0, Duration.ofMillis(25)));
    }

    @Test
    void whenAProviderAccountIsConfiguredThenWhatItLeavesOutIsTheDefault() {
        PacingProperties properties = bind(Map.of(
                "switchboard.dialer.pacing.calls-per-second", "2",
                "switchboard.dialer.pacing.provider-accounts.AC-big.calls-per-second", "30",
                "switchboard.dialer.pacing.provider-accounts.AC-big.concurrent-calls", "100",
                "switchboard.dialer.pacing.provider-accounts.AC-small.prefix-calls-per-second", "0.5"));

        assertThat(properties.limitsOf("AC-big")).isEqualTo(new PacingLimits(30.0, 100, 3.0, Duration.ofMillis(25)));
        assertThat(properties.limitsOf("AC-small")).isEqualTo(new PacingLimits(2.0, 10, 0.5, Duration.ofMillis(25)));
        assertThat(properties.limitsOf("AC-other"))
                .as("an account not configured")
                .isEqualTo(new PacingLimits(2.0, 10, 3.0, Duration.ofMillis(25)));
    }

    @Test
    void whenARateOrTheConcurrentCallsAreNotPositiveThenStartupFails() {
        assertThatThrownBy(() -> properties(0, 10, 3, Map.of())).hasMessageContaining("switchboard.dialer.pacing");
        assertThatThrownBy(() -> properties(1, 0, 3, Map.of())).hasMessageContaining("switchboard.dialer.pacing");
        assertThatThrownBy(() -> properties(1, 10, -1, Map.of())).hasMessageContaining("switchboard.dialer.pacing");
        assertThatThrownBy(() -> properties(Double.NaN, 10, 3, Map.of()))
                .hasMessageContaining("switchboard.dialer.pacing");
    }

    @Test
    void whenAProviderAccountsOwnLimitIsNotPositiveThenStartupFailsThoughTheDefaultsAreValid() {
        assertThatThrownBy(() ->
                        properties(1, 10, 3, Map.of("AC-1", new PacingProperties.ProviderAccount(0.0, null, null))))
                .hasMessageContaining("switchboard.dialer.pacing");
        assertThatThrownBy(
                        () -> properties(1, 10, 3, Map.of("AC-1", new PacingProperties.ProviderAccount(null, 0, null))))
                .hasMessageContaining("switchboard.dialer.pacing");
        assertThatThrownBy(() ->
                        properties(1, 10, 3, Map.of("AC-1", new PacingProperties.ProviderAccount(null, null, -2.0))))
                .hasMessageContaining("switchboard.dialer.pacing");
    }

    @Test
    void whenTheJitterAllowanceIsNegativeOrOverASecondOrTheSlotLeaseNegativeThenStartupFails() {
        assertThatThrownBy(() ->
                        new PacingProperties(1, 10, 3, Duration.ofMillis(-1), Duration.ofMinutes(5), BACKOFF, Map.of()))
                .hasMessageContaining("switchboard.dialer.pacing.jitter-allowance");
        assertThatThrownBy(() -> new PacingProperties(
                        1, 10, 3, Duration.ofMillis(1001), Duration.ofMinutes(5), BACKOFF, Map.of()))
                .hasMessageContaining("switchboard.dialer.pacing.jitter-allowance");
        assertThatThrownBy(() -> new PacingProperties(
                        1, 10, 3, Duration.ofMillis(25), Duration.ofSeconds(-1), BACKOFF, Map.of()))
                .hasMessageContaining("switchboard.dialer.pacing.slot-lease");
        assertThat(new PacingProperties(1, 10, 3, Duration.ofSeconds(1), Duration.ZERO, BACKOFF, null)
                        .providerAccounts())
                .isEmpty();
    }

    @Test
    void whenTheBackoffIsRepeatedThenItDoublesUpToItsMaximum() {
        assertThat(BACKOFF.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(BACKOFF.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(BACKOFF.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(BACKOFF.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(BACKOFF.after(6)).as("32s, capped").isEqualTo(Duration.ofSeconds(30));
        assertThat(BACKOFF.after(1_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(BACKOFF.after(0)).as("as the first").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whenTheBackoffIsUnboundedOrBackwardsThenStartupFails() {
        assertThatThrownBy(() -> new PacingProperties.Backoff(Duration.ZERO, 2.0, Duration.ofSeconds(30)))
                .hasMessageContaining("switchboard.dialer.pacing.backoff");
        assertThatThrownBy(() -> new PacingProperties.Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(30)))
                .hasMessageContaining("switchboard.dialer.pacing.backoff");
        assertThatThrownBy(() -> new PacingProperties.Backoff(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1)))
                .hasMessageContaining("switchboard.dialer.pacing.backoff");
    }

    private static PacingProperties properties(
            double perSecond,
            int concurrent,
            double prefixPerSecond,
            Map<String, PacingProperties.ProviderAccount> accounts) {
        return new PacingProperties(
                perSecond,
                concurrent,
                prefixPerSecond,
                Duration.ofMillis(25),
                Duration.ofMinutes(5),
                BACKOFF,
                accounts);
    }

    /** As Spring Boot binds them at startup, so that the defaults tested are those of the annotations. */
    private static PacingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("switchboard.dialer.pacing", PacingProperties.class);
    }
}
