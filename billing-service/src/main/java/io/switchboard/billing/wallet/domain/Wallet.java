package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An account's balance. Immutable: a change yields a new wallet, which replaces the old one only once
 * the change is committed on Kafka. A debit may take the balance below zero: the call has been made,
 * and refusing calls for an exhausted wallet is the dialer's job.
 *
 * @param version the number of the wallet's state on wallets.v1: 0 for a wallet without one (new, or
 *                only written before versions existed), one more with each change
 */
public record Wallet(String accountId, BigDecimal balance, String currency, long version) {

    public Wallet {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(currency, "currency");
        if (version < 0) {
            throw new IllegalArgumentException("a wallet's version cannot be negative: " + version);
        }
    }

    /** A wallet of version 0. */
    public Wallet(String accountId, BigDecimal balance, String currency) {
        this(accountId, balance, currency, 0);
    }

    /** The wallet of an account that has none yet. */
    public static Wallet empty(String accountId, String currency) {
        return new Wallet(accountId, BigDecimal.ZERO, currency);
    }

    public Wallet credit(BigDecimal amount, String amountCurrency) {
        return new Wallet(accountId, balance.add(positiveIn(amount, amountCurrency)), currency, version + 1);
    }

    public Wallet debit(BigDecimal amount, String amountCurrency) {
        return new Wallet(accountId, balance.subtract(positiveIn(amount, amountCurrency)), currency, version + 1);
    }

    private BigDecimal positiveIn(BigDecimal amount, String amountCurrency) {
        if (!currency.equals(amountCurrency)) {
            throw new IllegalArgumentException(
                    "wallet " + accountId + " holds " + currency + ", not " + amountCurrency);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount cannot be negative: " + amount);
        }
        return amount;
    }
}
