package io.switchboard.dialer.wallet.domain;

import java.math.BigDecimal;

/**
 * An account's wallet as billing last published it.
 *
 * @param pricePerMinute what one started minute costs; null when the state predates published prices
 */
public record WalletBalance(
        String accountId, BigDecimal balance, String currency, BigDecimal pricePerMinute, long version) {}
