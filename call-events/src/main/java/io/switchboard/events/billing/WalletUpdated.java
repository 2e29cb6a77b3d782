package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account's wallet after a change; {@code wallets.v1} is compacted, so this is its state.
 *
 * @param version the state's number among the wallet's states, one more for each change billing publishes:
 *                readers keep the highest they have seen per wallet and refuse a lower one re-produced later
 *                ({@code stale-snapshot}). Null in records written before versions existed: read as 0
 */
public record WalletUpdated(String accountId, BigDecimal balance, String currency, Instant updatedAt, Long version) {

    /** A state without a version, as written before versions existed. */
    public WalletUpdated(String accountId, BigDecimal balance, String currency, Instant updatedAt) {
        this(accountId, balance, currency, updatedAt, null);
    }

    /** The version to order by: 0 for a record without one. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
