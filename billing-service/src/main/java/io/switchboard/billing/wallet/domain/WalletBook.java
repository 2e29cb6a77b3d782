package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.events.call.CallKey;

/**
 * Everything billing knows: the wallets, the calls already charged and the top-ups already applied
 * (with their amounts, to tell a retry from a conflicting reuse of a top-up id). Reads are safe from
 * any thread; writes come from one writer at a time ({@link WalletWriteLock}).
 *
 * <p>A call is its {@link CallKey} (provider, account, provider call id): another account's call with
 * the same provider call id is another call, charged to its own account or not at all. Ledger entries
 * written before charges named their provider are remembered by account and provider call id, and
 * count as a charge of that account's call whatever its provider: a legacy charge is never repeated.
 */
public final class WalletBook {

    private final Map<String, Wallet> wallets = new ConcurrentHashMap<>();
    private final Set<CallKey> chargedCalls = ConcurrentHashMap.newKeySet();
    private final Set<LegacyCharge> legacyCharges = ConcurrentHashMap.newKeySet();
    private final Map<TopUpKey, BigDecimal> topUps = new ConcurrentHashMap<>();

    public Optional<Wallet> find(String accountId) {
        return Optional.ofNullable(wallets.get(accountId));
    }

    public boolean isCharged(CallKey call) {
        return chargedCalls.contains(call)
                || legacyCharges.contains(new LegacyCharge(call.accountId(), call.providerCallId()));
    }

    /** The amount of an applied top-up, or empty when this account never applied that id. */
    public Optional<BigDecimal> topUpAmount(String accountId, String topUpId) {
        return Optional.ofNullable(topUps.get(new TopUpKey(accountId, topUpId)));
    }

    public void put(Wallet wallet) {
        wallets.put(wallet.accountId(), wallet);
    }

    public void recordCharge(CallKey call) {
        chargedCalls.add(call);
    }

    /** A charge from a ledger entry that names no provider: written before calls were keyed by provider and account. */
    public void recordLegacyCharge(String accountId, String providerCallId) {
        legacyCharges.add(new LegacyCharge(accountId, providerCallId));
    }

    public void recordTopUp(String accountId, String topUpId, BigDecimal amount) {
        topUps.put(new TopUpKey(accountId, topUpId), amount);
    }

    public int size() {
        return wallets.size();
    }

    private record TopUpKey(String accountId, String topUpId) {}

    private record LegacyCharge(String accountId, String providerCallId) {}
}
