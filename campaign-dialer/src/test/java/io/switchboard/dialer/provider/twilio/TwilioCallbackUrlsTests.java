package io.switchboard.dialer.provider.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TwilioCallbackUrlsTests {

    @Test
    void whenIngressIsHostOnlyThenUrlsAreWebhookPathsOfTheAccount() {
        var urls = TwilioCallbackUrls.of(URI.create("http://localhost:8080"), "acme");

        assertThat(urls.voice()).hasToString("http://localhost:8080/webhooks/twilio/acme/voice");
        assertThat(urls.status()).hasToString("http://localhost:8080/webhooks/twilio/acme/status");
        assertThat(urls.recording()).hasToString("http://localhost:8080/webhooks/twilio/acme/recording");
    }

    @Test
    void whenIngressHasPathAndTrailingSlashThenPathKeptWithoutDoubleSlash() {
        var urls = TwilioCallbackUrls.of(URI.create("https://edge.example.com/switchboard/"), "acme.eu-1");

        assertThat(urls.voice()).hasToString("https://edge.example.com/switchboard/webhooks/twilio/acme.eu-1/voice");
    }
}
