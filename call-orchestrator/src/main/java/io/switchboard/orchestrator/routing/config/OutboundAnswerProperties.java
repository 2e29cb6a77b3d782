package io.switchboard.orchestrator.routing.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outbound calls are answered ({@code switchboard.orchestrator.outbound.*}).
 *
 * @param requestRetention how long the context of a call request is kept after the dialer intended it (default
 *                         26h: a request may wait up to the dialer's 24h max-request-age before its call is placed)
 * @param requestWait      how long an answer waits for a request not read yet before it falls back to the caller
 *                         id's assistant without the request's context (default 1s; the ingress's routing deadline, 1.5s,
 *                         must be longer)
 */
@ConfigurationProperties("switchboard.orchestrator.outbound")
public record OutboundAnswerProperties(
        @DefaultValue("26h") Duration requestRetention,
        @DefaultValue("1s") Duration requestWait) {

    public OutboundAnswerProperties {
        if (requestRetention.isNegative() || requestRetention.isZero()) {
            throw new IllegalArgumentException("switchboard.orchestrator.outbound.request-retention must be positive");
        }
        if (requestWait.isNegative()) {
            throw new IllegalArgumentException("switchboard.orchestrator.outbound.request-wait must not be negative");
        }
    }
}
