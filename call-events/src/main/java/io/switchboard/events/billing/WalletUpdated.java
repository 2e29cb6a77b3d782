package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** An account's wallet after a change; {@code wallets.v1} is compacted, so this is its state. */
public record WalletUpdated(String accountId, BigDecimal balance, String currency, Instant updatedAt) {}
