package io.switchboard.dialer.placement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.events.request.CallRequest;

/** When a request is too late to dial: past its own expiry, or older than the dialer lets any request get. */
public final class RequestDeadline {

    private RequestDeadline() {}

    /** Why {@code request}, received at {@code receivedAt}, may no longer be dialed at {@code now}. */
    public static Optional<String> whyTooLate(
            CallRequest request, Instant receivedAt, Duration maxRequestAge, Instant now) {
        Instant expiresAt = request.expiresAt();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of("expired at " + expiresAt + ", before it could be dialed");
        }
        if (receivedAt != null && receivedAt.plus(maxRequestAge).isBefore(now)) {
            return Optional.of("received at " + receivedAt + ", more than " + maxRequestAge
                    + " (switchboard.dialer.max-request-age) before it could be dialed");
        }
        return Optional.empty();
    }
}
