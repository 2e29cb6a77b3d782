package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;

/** A request to add money to an account's wallet; {@code topUpId} is the caller's idempotency key. */
public record TopUp(String accountId, String topUpId, BigDecimal amount, String currency) {}
