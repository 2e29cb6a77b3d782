package io.switchboard.orchestrator.account.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Accounts in memory, with an index from number to account. Filled from accounts.v1 at start-up
 * and kept current by this instance's writes and by following the topic.
 */
@Component
public class AccountDirectory {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> ownerByNumber = new ConcurrentHashMap<>();
    private final Map<String, String> ownerByProviderAccount = new ConcurrentHashMap<>();

    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    public Optional<String> ownerOf(String number) {
        return Optional.ofNullable(ownerByNumber.get(number));
    }

    /** The account holding credentials of {@code provider}'s account {@code providerAccountId} (Twilio AccountSid). */
    public Optional<String> ownerOfProviderAccount(String provider, String providerAccountId) {
        return Optional.ofNullable(ownerByProviderAccount.get(providerAccountKey(provider, providerAccountId)));
    }

    /**
     * The route of a call to {@code number}. When the caller knows which account the call arrived
     * for (the webhook path names it), a number owned by another account has no route: one
     * tenant's call never reaches another tenant's assistant.
     */
    public Optional<Route> route(String number, String expectedAccountId) {
        if (number == null) {
            return Optional.empty();
        }
        return ownerOf(number)
                .filter(owner -> expectedAccountId == null || owner.equals(expectedAccountId))
                .flatMap(this::find)
                .flatMap(account ->
                        account.assistantFor(number).map(assistant -> new Route(account.accountId(), assistant)));
    }

    /**
     * Applies a configuration unless a newer one of the same account is already here: a higher revision,
     * or the same revision configured later.
     *
     * @return false when it was older, and not applied
     */
    public synchronized boolean apply(Account account) {
        Account previous = accounts.get(account.accountId());
        if (previous != null && account.isOlderThan(previous)) {
            return false;
        }
        if (previous != null) {
            previous.numbers().forEach(owned -> ownerByNumber.remove(owned.number(), account.accountId()));
            providerAccountKeys(previous).forEach(key -> ownerByProviderAccount.remove(key, account.accountId()));
        }
        account.numbers().forEach(owned -> ownerByNumber.put(owned.number(), account.accountId()));
        providerAccountKeys(account).forEach(key -> ownerByProviderAccount.put(key, account.accountId()));
        accounts.put(account.accountId(), account);
        return true;
    }

    /** The revision the account's next configuration gets: one more than its current one, 1 for a new account. */
    public long nextRevision(String accountId) {
        return find(accountId).map(Account::revision).orElse(0L) + 1;
    }

    private static List<String> providerAccountKeys(Account account) {
        return account.credentials().stream()
                .filter(credential -> credential.providerAccountId() != null)
                .map(credential -> providerAccountKey(credential.provider(), credential.providerAccountId()))
                .toList();
    }

    private static String providerAccountKey(String provider, String providerAccountId) {
        return provider + "/" + providerAccountId;
    }
}
