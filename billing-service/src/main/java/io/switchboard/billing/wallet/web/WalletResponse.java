package io.switchboard.billing.wallet.web;

import io.switchboard.billing.wallet.domain.Wallet;

/** A wallet on the API. Money is a decimal string ({@code "24.85"}) so no client parses it as a float. */
record WalletResponse(String accountId, String balance, String currency) {

    static WalletResponse of(Wallet wallet) {
        return new WalletResponse(wallet.accountId(), wallet.balance().toPlainString(), wallet.currency());
    }
}
