package io.switchboard.events.routing;

import java.time.Instant;

/**
 * The ingress asks how to answer a call's voice webhook; the orchestrator replies with a decision.
 *
 * @param requestId for an outbound call answered by its callee, the call request it was placed for (from the
 *                  voice URL the dialer gave the provider, which the provider's signature covers): the call is
 *                  answered as that request asked. Null for an inbound call, routed by the number called.
 */
public record RoutingRequested(
        String provider,
        String accountId,
        String callId,
        String from,
        String to,
        Instant requestedAt,
        String requestId) {

    /** An inbound call's request. */
    public RoutingRequested(
            String provider, String accountId, String callId, String from, String to, Instant requestedAt) {
        this(provider, accountId, callId, from, to, requestedAt, null);
    }
}
