package io.switchboard.dialer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class DialerPropertiesTests {

    private static final DialerProperties.Retry RETRY =
            new DialerProperties.Retry(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2));

    @Test
    void whenPrintedThenAuthTokenNeverShows() {
        var twilio = new DialerProperties.Twilio(
                URI.create("https://api.twilio.com"), "AC1", "s3cr3t-token", Duration.ofSeconds(10), RETRY);

        assertThat(twilio.toString()).contains("AC1").doesNotContain("s3cr3t-token");
    }

    @Test
    void whenCredentialsMissingThenStartupFailsNamingTheProperty() {
        assertThatThrownBy(() -> new DialerProperties.Twilio(
                        URI.create("https://api.twilio.com"), " ", "t", Duration.ofSeconds(1), RETRY))
                .hasMessageContaining("switchboard.dialer.twilio.account-sid");
        assertThatThrownBy(() -> new DialerProperties.Twilio(
                        URI.create("https://api.twilio.com"), "AC1", null, Duration.ofSeconds(1), RETRY))
                .hasMessageContaining("switchboard.dialer.twilio.auth-token");
    }

    @Test
    void whenRetryUnboundedOrBackwardsThenRejected() {
        assertThatThrownBy(() -> new DialerProperties.Retry(0, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DialerProperties.Retry(3, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
