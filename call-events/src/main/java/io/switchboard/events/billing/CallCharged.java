package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger entry: a finished call was rated and its cost debited from the account's wallet. */
public record CallCharged(
        String accountId,
        String callId,
        int durationSeconds,
        int billedMinutes,
        BigDecimal pricePerMinute,
        BigDecimal amount,
        String currency,
        BigDecimal balanceAfter,
        Instant chargedAt) {}
