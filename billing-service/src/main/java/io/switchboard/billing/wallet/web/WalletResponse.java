package io.switchboard.billing.wallet.web;

import java.math.BigDecimal;

import io.switchboard.billing.wallet.domain.Wallet;

/**
 * A wallet on the API. Money is a decimal string ({@code "24.85"}) so no client parses it as a float.
 *
 * @param held      what calls in progress hold of the balance (the dialer's holds): what they may still cost
 * @param available the balance less {@code held}: what new calls may spend
 */
record WalletResponse(String accountId, String balance, String held, String available, String currency) {

    static WalletResponse of(Wallet wallet, BigDecimal held) {
        return new WalletResponse(
                wallet.accountId(),
                wallet.balance().toPlainString(),
                held.toPlainString(),
                wallet.balance().subtract(held).toPlainString(),
                wallet.currency());
    }
}
