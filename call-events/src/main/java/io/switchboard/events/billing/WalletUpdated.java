package io.switchboard.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account's wallet after a change; {@code wallets.v1} is compacted, so this is its state.
 *
 * @param version the state's number among the wallet's states, one more for each change billing publishes:
 *                readers keep the highest they have seen per wallet and refuse a lower one re-produced later
 *                ({@code stale-snapshot}). Null in records written before versions existed: read as 0
 * @param pricePerMinute what one started minute of a call costs this wallet now, in its currency: what the
 *                dialer needs to know how long a call the balance can pay for. Null in records written before
 *                prices were published
 */
public record WalletUpdated(
        String accountId,
        BigDecimal balance,
        String currency,
        Instant updatedAt,
        Long version,
        BigDecimal pricePerMinute) {

    /** A state without a price, as written before prices were published. */
    public WalletUpdated(String accountId, BigDecimal balance, String currency, Instant updatedAt, Long version) {
        this(accountId, balance, currency, updatedAt, version, null);
    }

    /** A state without a version, as written before versions existed. */
    public WalletUpdated(String accountId, BigDecimal balance, String currency, Instant updatedAt) {
        this(accountId, balance, currency, updatedAt, null, null);
    }

    /** The version to order by: 0 for a record without one. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
