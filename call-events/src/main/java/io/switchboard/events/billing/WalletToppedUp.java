package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger entry: money was added to an account's wallet. */
public record WalletToppedUp(
        String accountId,
        String topUpId,
        BigDecimal amount,
        String currency,
        BigDecimal balanceAfter,
        Instant toppedUpAt) {}
