package io.switchboard.dialer.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dialer places calls ({@code switchboard.dialer.*}); defaults are documented in application.yml.
 *
 * @param ingressBaseUrl         public URL of webhook-ingress, the base of every callback URL handed to the provider
 * @param maxCallDuration       the longest a placed call may last once answered (Twilio {@code TimeLimit}), unless its
 *                               request asks for less or its wallet pays for less; at most 4h, the provider's limit
 * @param maxRequestAge          the longest a request may wait between its publisher and its placement; an older one
 *                               is rejected, not dialed (at most 7 days, the call-request topics' retention)
 * @param providerListingDelay   how long after an intent the provider's call list is trusted to show a call created
 *                               for it: before that, a request in doubt waits rather than being placed
 * @param holdLease              how long after its time limit a placed call's hold on its wallet still counts while
 *                               billing's settlement of it has not arrived (a settlement lost on the way)
 * @param callbackConnectionOverrides Twilio connection overrides appended to every callback URL as its fragment
 *                               (connect and read timeouts in ms, retry count, retry on connect/read timeouts and 5xx);
 *                               empty for none
 * @param twilio                 the Twilio REST API (each account's credentials come from accounts.v1)
 */
@ConfigurationProperties("switchboard.dialer")
public record DialerProperties(
        @DefaultValue("http://localhost:8080") URI ingressBaseUrl,
        @DefaultValue("1h") Duration maxCallDuration,
        @DefaultValue("24h") Duration maxRequestAge,
        @DefaultValue("10s") Duration providerListingDelay,
        @DefaultValue("6h") Duration holdLease,
        @DefaultValue("ct=3000&rt=10000&rc=3&rp=ct,rt,5xx") String callbackConnectionOverrides,
        @DefaultValue Twilio twilio) {

    public DialerProperties {
        if (maxCallDuration.toSeconds() < 1 || maxCallDuration.compareTo(Duration.ofHours(4)) > 0) {
            throw new IllegalArgumentException("switchboard.dialer.max-call-duration must be between 1s and 4h");
        }
        if (!callbackConnectionOverrides.isEmpty() && !callbackConnectionOverrides.matches(OVERRIDES)) {
            throw new IllegalArgumentException("switchboard.dialer.callback-connection-overrides must look like "
                    + "ct=3000&rc=3&rp=ct,5xx (without the #): " + callbackConnectionOverrides);
        }
        if (maxRequestAge.toSeconds() < 1 || maxRequestAge.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("switchboard.dialer.max-request-age must be between 1s and 7d, "
                    + "within what the call-request topics keep");
        }
        if (holdLease.isNegative()) {
            throw new IllegalArgumentException("switchboard.dialer.hold-lease must not be negative");
        }
        if (providerListingDelay.isNegative()) {
            throw new IllegalArgumentException("switchboard.dialer.provider-listing-delay must not be negative");
        }
    }

    private static final String OVERRIDES = "[a-z]+=[A-Za-z0-9,.-]+(&[a-z]+=[A-Za-z0-9,.-]+)*";

    /**
     * @param apiBaseUrl where the Twilio SDK's {@code https://api.twilio.com} requests go (the simulator locally)
     * @param timeout    how long one HTTP request to the API may wait for an answer
     */
    public record Twilio(
            @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
            @DefaultValue("10s") Duration timeout) {}
}
