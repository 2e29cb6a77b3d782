package io.switchboard.events.dialer;

import java.time.Instant;

/** The dialer asked the provider to place a call and the provider accepted it. */
public record CallPlaced(
        String requestId,
        String accountId,
        String callId,
        String provider,
        String from,
        String to,
        String assistantId,
        Integer timeLimitSeconds,
        Instant placedAt) {}
