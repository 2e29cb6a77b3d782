package io.switchboard.ingress.account.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.switchboard.events.account.AccountCredentials;
import io.switchboard.events.account.Credential;

/**
 * The accounts as accounts.v1 says they are now, materialized in memory: the newest configuration
 * per account replaces the previous one, and the orchestrator's signed closing removes it (an unsigned
 * tombstone must not). Webhook verification reads it on every request, so lookups are lock-free.
 */
public class AccountDirectory {

    private final Map<String, AccountCredentials> accounts = new ConcurrentHashMap<>();
    private volatile BooleanSupplier loaded = () -> false;

    /**
     * The account's usable credential for the provider, empty when the account is unknown or has no
     * credential for that provider.
     *
     * @throws AccountUnavailableException before accounts.v1 is replayed, or when the credential
     *                                     could not be opened
     */
    public Optional<Credential> credential(String accountId, String provider) {
        if (!loaded.getAsBoolean()) {
            throw new AccountUnavailableException("accounts are still loading");
        }
        AccountCredentials account = accounts.get(accountId);
        if (account == null) {
            return Optional.empty();
        }
        if (account.unusable().contains(provider)) {
            throw new AccountUnavailableException(
                    "the " + provider + " credential of account " + accountId + " cannot be opened");
        }
        return Optional.ofNullable(account.usable().get(provider));
    }

    public void put(AccountCredentials account) {
        accounts.put(account.accountId(), account);
    }

    /** The account was closed: its webhooks are answered as an unknown account's from now on. */
    public void remove(String accountId) {
        accounts.remove(accountId);
    }

    /** Lookups are answered once {@code loaded} says accounts.v1 was read to its end. */
    public void loadedWhen(BooleanSupplier loaded) {
        this.loaded = loaded;
    }

    public boolean isLoaded() {
        return loaded.getAsBoolean();
    }

    public int accountCount() {
        return accounts.size();
    }

    public long unusableCredentialCount() {
        return accounts.values().stream()
                .mapToLong(account -> account.unusable().size())
                .sum();
    }
}
