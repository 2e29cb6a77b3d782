package io.switchboard.dialer.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class DialerPropertiesTests {

    private static final DialerProperties.Retry RETRY =
            new DialerProperties.Retry(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2));

    @Test
    void whenTheLongestCallIsNotBetweenOneSecondAndFourHoursThenStartupFailsNamingTheProperty() {
        var twilio = new DialerProperties.Twilio(URI.create("https://api.twilio.com"), Duration.ofSeconds(10), RETRY);
        for (Duration outside :
                new Duration[] {Duration.ZERO, Duration.ofHours(4).plusSeconds(1)}) {
            assertThatThrownBy(() -> new DialerProperties(
                            URI.create("http://localhost:8080"),
                            outside,
                            Duration.ofHours(24),
                            Duration.ofSeconds(10),
                            Duration.ofHours(6),
                            "",
                            twilio))
                    .hasMessageContaining("switchboard.dialer.max-call-duration");
        }
    }

    @Test
    void whenRetryUnboundedOrBackwardsThenRejected() {
        assertThatThrownBy(() -> new DialerProperties.Retry(0, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DialerProperties.Retry(3, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
