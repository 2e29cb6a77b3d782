package io.switchboard.ingress.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The provider-neutral settings of the ingress ({@code switchboard.ingress.*}).
 *
 * @param publicBaseUrl  the scheme, host (and port or path prefix) providers call us on; signatures
 *                       cover the public URL, which behind a proxy is not the one this process sees
 * @param trustedProxies IPs or CIDR blocks of the proxies whose X-Forwarded-Proto/Host/Port headers
 *                       say which public URL was called; from any other peer those headers are ignored
 * @param maxBodySize    the largest webhook body read; larger ones (declared or actual) get 413
 * @param bodyTimeout    how long the body of a request may take to arrive in full; a client that stalls
 *                       (e.g. sends less than its Content-Length) gets 400 and its connection closed
 * @param publishTimeout how long a webhook waits for the broker's acknowledgement before it gets a 503
 * @param dedup          the window of recently published event ids that a repeat is answered from
 * @param signing        how provider events are batched under one envelope signature
 * @param routing        inbound-call routing over Kafka request-reply
 */
@ConfigurationProperties("switchboard.ingress")
public record IngressProperties(
        String publicBaseUrl,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration bodyTimeout,
        @DefaultValue("2s") Duration publishTimeout,
        @DefaultValue Dedup dedup,
        @DefaultValue Signing signing,
        @DefaultValue Routing routing) {

    public IngressProperties {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalArgumentException("switchboard.ingress.public-base-url is required");
        }
        URI parsed = URI.create(publicBaseUrl);
        if (!parsed.isAbsolute()
                || parsed.getHost() == null
                || parsed.getRawQuery() != null
                || parsed.getRawFragment() != null) {
            throw new IllegalArgumentException("switchboard.ingress.public-base-url must be an absolute URL "
                    + "with a host and without a query: " + publicBaseUrl);
        }
        publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        trustedProxies = List.copyOf(trustedProxies);
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("switchboard.ingress.max-body-size must be between 1B and 2GB");
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("switchboard.ingress.body-timeout must be positive");
        }
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("switchboard.ingress.publish-timeout must be positive");
        }
    }

    /**
     * @param maxSize how many published event ids are remembered at most (the oldest go first)
     * @param maxAge  how long an event id is remembered after it was published
     */
    public record Dedup(
            @DefaultValue("100000") long maxSize,
            @DefaultValue("10m") Duration maxAge) {

        public Dedup {
            if (maxSize < 0) {
                throw new IllegalArgumentException("switchboard.ingress.dedup.max-size must not be negative");
            }
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("switchboard.ingress.dedup.max-age must not be negative");
            }
        }
    }

    /**
     * Provider events published within {@code linger} of each other, up to {@code maxBatch}, share
     * one Ed25519 signature over their Merkle root (call-events: batch signatures): a signature costs
     * more CPU than everything else a webhook needs. A zero linger batches only what queues while the
     * previous batch is being signed.
     *
     * @param linger   how long the first event of a batch waits for others
     * @param maxBatch the most events under one signature
     */
    public record Signing(
            @DefaultValue("1ms") Duration linger,
            @DefaultValue("128") int maxBatch) {

        public Signing {
            if (linger.isNegative()) {
                throw new IllegalArgumentException("switchboard.ingress.signing.linger must not be negative");
            }
            if (maxBatch < 1) {
                throw new IllegalArgumentException("switchboard.ingress.signing.max-batch must be at least 1");
            }
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
