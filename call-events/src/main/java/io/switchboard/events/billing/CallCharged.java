package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ledger entry: a finished call was rated and its cost debited from the account's wallet. The call
 * is {@code (provider, accountId, callId)} ({@link io.switchboard.events.call.CallKey}); entries
 * written before {@code provider} was recorded have none.
 *
 * @param requestId     the call request the call was placed for, null for an inbound call: the dialer ends the
 *                      request's hold on the wallet with it
 * @param walletVersion the version of the wallet state this debit led to (null in entries written before it was
 *                      recorded)
 */
public record CallCharged(
        String provider,
        String accountId,
        String callId,
        int durationSeconds,
        int billedMinutes,
        BigDecimal pricePerMinute,
        BigDecimal amount,
        String currency,
        BigDecimal balanceAfter,
        Instant chargedAt,
        String requestId,
        Long walletVersion) {

    /** An entry without request or wallet version, as written before they were recorded. */
    public CallCharged(
            String provider,
            String accountId,
            String callId,
            int durationSeconds,
            int billedMinutes,
            BigDecimal pricePerMinute,
            BigDecimal amount,
            String currency,
            BigDecimal balanceAfter,
            Instant chargedAt) {
        this(
                provider,
                accountId,
                callId,
                durationSeconds,
                billedMinutes,
                pricePerMinute,
                amount,
                currency,
                balanceAfter,
                chargedAt,
                null,
                null);
    }
}
