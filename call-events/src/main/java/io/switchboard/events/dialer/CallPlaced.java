package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dialer asked the provider to place a call and the provider accepted it.
 *
 * @param metadata the call request's {@code metadata}, the publisher's context for the call (it may name a
 *                 customer, so readers treat it as personal data); empty when the request had none, and in
 *                 events written before it travelled
 */
public record CallPlaced(
        String requestId,
        String accountId,
        String callId,
        String provider,
        String from,
        String to,
        String assistantId,
        Integer timeLimitSeconds,
        Instant placedAt,
        Map<String, String> metadata) {

    public CallPlaced {
        // A copy that keeps the publisher's order, so the event reads back as it was written.
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
