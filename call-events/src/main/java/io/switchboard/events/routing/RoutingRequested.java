package io.switchboard.events.routing;

import java.time.Instant;

/** The ingress asks how to answer an inbound call; the orchestrator replies with a decision. */
public record RoutingRequested(
        String provider, String accountId, String callId, String from, String to, Instant requestedAt) {}
