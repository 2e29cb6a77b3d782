package io.switchboard.ingress.provider.twilio.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio settings ({@code switchboard.ingress.twilio.*}). Credentials are not among them: they come
 * from accounts.v1 (see {@code io.switchboard.ingress.account}).
 *
 * @param fallbackTwiml what an inbound call is answered with when no routing decision arrives in time
 */
@ConfigurationProperties("switchboard.ingress.twilio")
public record TwilioProperties(
        @DefaultValue(DEFAULT_FALLBACK) String fallbackTwiml) {

    public static final String DEFAULT_FALLBACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Say>Sorry, we cannot take your call right now.</Say><Hangup/></Response>";

    public TwilioProperties {
        if (fallbackTwiml == null || fallbackTwiml.isBlank()) {
            throw new IllegalArgumentException("switchboard.ingress.twilio.fallback-twiml must not be blank");
        }
    }
}
