package io.switchboard.orchestrator.account.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Accounts in memory, with an index from number to account. Filled from accounts.v1 at start-up
 * and kept current by this instance's writes and by following the topic. A closed account is gone
 * (no route, not found) but its closing revision is kept: a configuration of it counts only with a
 * higher revision, so an older one re-produced to the topic cannot bring it back.
 */
@Component
public class AccountDirectory {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> ownerByNumber = new ConcurrentHashMap<>();
    private final Map<String, String> ownerByProviderAccount = new ConcurrentHashMap<>();
    private final Map<String, Long> closedAtRevision = new ConcurrentHashMap<>();

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
    /**
     * Who talks on an outbound call of {@code accountId} its callee answered: the assistant its request named,
     * if the account has it, else the one answering the caller id, if the account owns that number.
     */
    public Optional<Route> outboundRoute(String accountId, String requestedAssistantId, String callerId) {
        return find(accountId)
                .flatMap(account -> Optional.ofNullable(requestedAssistantId)
                        .flatMap(account::assistant)
                        .or(() -> callerId == null ? Optional.empty() : account.assistantFor(callerId))
                        .map(assistant -> new Route(account.accountId(), assistant)));
    }

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
        Long closed = closedAtRevision.get(account.accountId());
        if (closed != null && account.revision() <= closed) {
            return false;
        }
        forget(previous);
        closedAtRevision.remove(account.accountId());
        account.numbers().forEach(owned -> ownerByNumber.put(owned.number(), account.accountId()));
        providerAccountKeys(account).forEach(key -> ownerByProviderAccount.put(key, account.accountId()));
        accounts.put(account.accountId(), account);
        return true;
    }

    /**
     * Closes the account at {@code revision}, unless a newer configuration or closing of it is here: one of a
     * higher revision. A closing of the configuration's own revision wins (a deletion is never undone by a
     * configuration written at the same moment); the same closing again changes nothing and counts as applied.
     *
     * @return false when it was older, and not applied
     */
    public synchronized boolean close(String accountId, long revision) {
        Account current = accounts.get(accountId);
        Long closed = closedAtRevision.get(accountId);
        if ((current != null && revision < current.revision()) || (closed != null && revision < closed)) {
            return false;
        }
        forget(current);
        accounts.remove(accountId);
        closedAtRevision.put(accountId, revision);
        return true;
    }

    /**
     * The revision the account's next configuration or closing gets: one more than its current one, or than
     * the one it was closed at; 1 for a new account.
     */
    public long nextRevision(String accountId) {
        long current = find(accountId).map(Account::revision).orElse(0L);
        return Math.max(current, closedAtRevision.getOrDefault(accountId, 0L)) + 1;
    }

    private void forget(Account account) {
        if (account != null) {
            account.numbers().forEach(owned -> ownerByNumber.remove(owned.number(), account.accountId()));
            providerAccountKeys(account).forEach(key -> ownerByProviderAccount.remove(key, account.accountId()));
        }
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
