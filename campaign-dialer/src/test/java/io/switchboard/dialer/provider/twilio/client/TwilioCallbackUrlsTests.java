package io.switchboard.dialer.provider.twilio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TwilioCallbackUrlsTests {

    @Test
    void whenIngressIsHostOnlyThenUrlsAreWebhookPathsOfTheAccount() {
        var urls = TwilioCallbackUrls.of(URI.create("http://localhost:8080"), "acme", "crm:2026-12:0001", "");

        assertThat(urls.voice())
                .hasToString("http://localhost:8080/webhooks/twilio/acme/outbound/crm:2026-12:0001/voice");
        assertThat(urls.status()).hasToString("http://localhost:8080/webhooks/twilio/acme/status");
        assertThat(urls.recording()).hasToString("http://localhost:8080/webhooks/twilio/acme/recording");
    }

    @Test
    void whenIngressHasPathAndTrailingSlashThenPathKeptWithoutDoubleSlash() {
        var urls = TwilioCallbackUrls.of(URI.create("https://edge.example.com/switchboard/"), "acme.eu-1", "r1", "");

        assertThat(urls.voice())
                .hasToString("https://edge.example.com/switchboard/webhooks/twilio/acme.eu-1/outbound/r1/voice");
    }

    @Test
    void whenConnectionOverridesAreConfiguredThenEveryUrlCarriesThemAsItsFragment() {
        var urls =
                TwilioCallbackUrls.of(URI.create("https://edge.example.com"), "acme", "r1", "ct=3000&rc=3&rp=ct,5xx");

        assertThat(urls.status())
                .hasToString("https://edge.example.com/webhooks/twilio/acme/status#ct=3000&rc=3&rp=ct,5xx");
        assertThat(urls.recording().getFragment()).isEqualTo("ct=3000&rc=3&rp=ct,5xx");
        assertThat(urls.voice().getPath()).isEqualTo("/webhooks/twilio/acme/outbound/r1/voice");
    }
}
