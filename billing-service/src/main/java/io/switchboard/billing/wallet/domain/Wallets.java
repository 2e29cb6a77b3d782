package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;
import java.util.Optional;

import io.switchboard.events.call.CallKey;

/**
 * This instance's view of all wallets, rebuilt from the topics at start-up. A rebuild swaps in a whole
 * new {@link WalletBook}, so readers never see a half-loaded state. When a Kafka commit ends with an
 * unknown outcome the view is marked stale, and the next writer rebuilds it from the topics before
 * deciding anything (see {@link WalletReloader}).
 */
public final class Wallets {

    private volatile WalletBook book = new WalletBook();
    private volatile boolean stale;

    public Optional<Wallet> find(String accountId) {
        return book.find(accountId);
    }

    /** The account's wallet, or an empty one in {@code currency} if it has none yet. */
    public Wallet walletOf(String accountId, String currency) {
        return book.find(accountId).orElseGet(() -> Wallet.empty(accountId, currency));
    }

    /** Whether this call, of its own account, was charged: another account's call id is another call. */
    public boolean isCharged(CallKey call) {
        return book.isCharged(call);
    }

    public Optional<BigDecimal> topUpAmount(String accountId, String topUpId) {
        return book.topUpAmount(accountId, topUpId);
    }

    /** Applies a committed charge. */
    public void applyCharge(CallKey call, Wallet after) {
        if (!call.accountId().equals(after.accountId())) {
            throw new IllegalArgumentException("call " + call + " cannot be charged to account " + after.accountId());
        }
        book.put(after);
        book.recordCharge(call);
    }

    /** Applies a committed top-up. */
    public void applyTopUp(String topUpId, BigDecimal amount, Wallet after) {
        book.put(after);
        book.recordTopUp(after.accountId(), topUpId, amount);
    }

    public int size() {
        return book.size();
    }

    public void replace(WalletBook rebuilt) {
        book = rebuilt;
        stale = false;
    }

    public void markStale() {
        stale = true;
    }

    public boolean isStale() {
        return stale;
    }
}
