package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything billing knows: the wallets, the calls already charged and the top-ups already applied
 * (with their amounts, to tell a retry from a conflicting reuse of a top-up id). Reads are safe from
 * any thread; writes come from one writer at a time ({@link WalletWriteLock}).
 */
public final class WalletBook {

    private final Map<String, Wallet> wallets = new ConcurrentHashMap<>();
    private final Set<String> chargedCalls = ConcurrentHashMap.newKeySet();
    private final Map<TopUpKey, BigDecimal> topUps = new ConcurrentHashMap<>();

    public Optional<Wallet> find(String accountId) {
        return Optional.ofNullable(wallets.get(accountId));
    }

    public boolean isCharged(String callId) {
        return chargedCalls.contains(callId);
    }

    /** The amount of an applied top-up, or empty when this account never applied that id. */
    public Optional<BigDecimal> topUpAmount(String accountId, String topUpId) {
        return Optional.ofNullable(topUps.get(new TopUpKey(accountId, topUpId)));
    }

    public void put(Wallet wallet) {
        wallets.put(wallet.accountId(), wallet);
    }

    public void recordCharge(String callId) {
        chargedCalls.add(callId);
    }

    public void recordTopUp(String accountId, String topUpId, BigDecimal amount) {
        topUps.put(new TopUpKey(accountId, topUpId), amount);
    }

    public int size() {
        return wallets.size();
    }

    private record TopUpKey(String accountId, String topUpId) {}
}
