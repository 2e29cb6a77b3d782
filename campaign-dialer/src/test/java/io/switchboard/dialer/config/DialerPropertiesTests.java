package io.switchboard.dialer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class DialerPropertiesTests {

    private static final DialerProperties.Twilio TWILIO =
            new DialerProperties.Twilio(URI.create("https://api.twilio.com"), Duration.ofSeconds(10));

    @Test
    void whenTheLongestCallIsNotBetweenOneSecondAndFourHoursThenStartupFailsNamingTheProperty() {
        for (Duration outside :
                new Duration[] {Duration.ZERO, Duration.ofHours(4).plusSeconds(1)}) {
            assertThatThrownBy(() ->
                            properties(outside, Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofHours(6)))
                    .hasMessageContaining("switchboard.dialer.max-call-duration");
        }
    }

    @Test
    void whenTheLongestRequestAgeIsNotBetweenOneSecondAndTheTopicsRetentionThenStartupFailsNamingTheProperty() {
        for (Duration outside :
                new Duration[] {Duration.ZERO, Duration.ofDays(7).plusSeconds(1)}) {
            assertThatThrownBy(
                            () -> properties(Duration.ofHours(1), outside, Duration.ofSeconds(10), Duration.ofHours(6)))
                    .hasMessageContaining("switchboard.dialer.max-request-age");
        }
    }

    @Test
    void whenTheListingDelayOrHoldLeaseIsNegativeThenStartupFailsNamingTheProperty() {
        assertThatThrownBy(() -> properties(
                        Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(-1), Duration.ofHours(6)))
                .hasMessageContaining("switchboard.dialer.provider-listing-delay");
        assertThatThrownBy(() -> properties(
                        Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofSeconds(-1)))
                .hasMessageContaining("switchboard.dialer.hold-lease");
    }

    @Test
    void whenTheBoundsAreMetExactlyThenTheyAreAccepted() {
        assertThat(properties(Duration.ofHours(4), Duration.ofDays(7), Duration.ZERO, Duration.ZERO)
                        .maxCallDuration())
                .isEqualTo(Duration.ofHours(4));
        assertThat(properties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO)
                        .maxRequestAge())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whenTheCallbackConnectionOverridesAreMalformedThenStartupFailsNamingTheProperty() {
        assertThatThrownBy(() -> new DialerProperties(
                        URI.create("http://localhost:8080"),
                        Duration.ofHours(1),
                        Duration.ofHours(24),
                        Duration.ofSeconds(10),
                        Duration.ofHours(6),
                        "#ct=3000",
                        TWILIO))
                .hasMessageContaining("switchboard.dialer.callback-connection-overrides");
    }

    private static DialerProperties properties(
            Duration maxCallDuration, Duration maxRequestAge, Duration listingDelay, Duration holdLease) {
        return new DialerProperties(
                URI.create("http://localhost:8080"),
                maxCallDuration,
                maxRequestAge,
                listingDelay,
                holdLease,
                "",
                TWILIO);
    }
}
