package io.switchboard.events.billing;

import java.time.Instant;

/**
 * A placed call ended without a charge (busy, no answer, failed, canceled, or answered for 0 seconds): billing
 * settled it at no cost. Written on {@code ledger.v1} for calls placed from a request, so that the dialer ends
 * the request's hold on the wallet as it does for a {@link CallCharged}. No money moves.
 *
 * @param status the call's final status, e.g. {@code busy}
 * @param reason why nothing was charged
 */
public record CallNotCharged(
        String provider,
        String accountId,
        String callId,
        String requestId,
        String status,
        String reason,
        Instant settledAt) {}
