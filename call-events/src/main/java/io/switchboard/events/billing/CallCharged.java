package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ledger entry: a finished call was rated and its cost debited from the account's wallet. The call
 * is {@code (provider, accountId, callId)} ({@link io.switchboard.events.call.CallKey}); entries
 * written before {@code provider} was recorded have none.
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
        Instant chargedAt) {}
