package io.switchboard.ingress.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider-neutral settings of the ingress ({@code switchboard.ingress.*}).
 *
 * @param publicBaseUrl  the scheme, host (and port or path prefix) providers call us on; signatures
 *                       cover the public URL, which behind a proxy is not the one this process sees
 * @param publishTimeout how long a webhook waits for the broker's acknowledgement before it gets a 503
 * @param routing        inbound-call routing over Kafka request-reply
 */
@ConfigurationProperties("switchboard.ingress")
public record IngressProperties(
        String publicBaseUrl,
        @DefaultValue("2s") Duration publishTimeout,
        @DefaultValue Routing routing) {

    public IngressProperties {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalArgumentException("switchboard.ingress.public-base-url is required");
        }
        URI parsed = URI.create(publicBaseUrl);
        if (!parsed.isAbsolute() || parsed.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "switchboard.ingress.public-base-url must be an absolute URL without a query: " + publicBaseUrl);
        }
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("switchboard.ingress.publish-timeout must be positive");
        }
    }

    /** @param deadline how long an inbound call waits for the orchestrator's answer before the fallback */
    public record Routing(@DefaultValue("1500ms") Duration deadline) {

        public Routing {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("switchboard.ingress.routing.deadline must be positive");
            }
        }
    }
}
