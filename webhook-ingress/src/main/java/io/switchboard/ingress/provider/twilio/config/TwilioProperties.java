package io.switchboard.ingress.provider.twilio.config;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio settings ({@code switchboard.ingress.twilio.*}).
 *
 * @param accounts     Twilio credentials by Switchboard account id (the {@code {accountId}} of webhook
 *                     paths). Set from a secret or the environment, never in application.yml; they
 *                     move to accounts.v1 later.
 * @param fallbackTwiml what an inbound call is answered with when no routing decision arrives in time
 */
@ConfigurationProperties("switchboard.ingress.twilio")
public record TwilioProperties(
        Map<String, Account> accounts,
        @DefaultValue(DEFAULT_FALLBACK) String fallbackTwiml) {

    public static final String DEFAULT_FALLBACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Say>Sorry, we cannot take your call right now.</Say><Hangup/></Response>";

    public TwilioProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        accounts.forEach((accountId, account) -> {
            if (account == null || account.authToken() == null || account.authToken().isBlank()) {
                throw new IllegalArgumentException(
                        "switchboard.ingress.twilio.accounts." + accountId + ".auth-token is required");
            }
        });
        if (fallbackTwiml == null || fallbackTwiml.isBlank()) {
            throw new IllegalArgumentException("switchboard.ingress.twilio.fallback-twiml must not be blank");
        }
    }

    /** @param authToken the Twilio auth token that signs this account's webhooks */
    public record Account(String authToken) {

        @Override
        public String toString() {
            return "Account[authToken=***]";
        }
    }
}
