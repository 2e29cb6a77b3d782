package io.switchboard.dialer.account.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.placement.domain.DialerNotReadyException;
import io.switchboard.dialer.placement.domain.FollowedView;
import io.switchboard.events.kafka.FollowedTopic;

/**
 * The accounts as accounts.v1 says they are now, on every dialer instance: any instance may come to own
 * any account's requests. Read on every request, written by the follower's one thread.
 */
public class DialingAccounts {

    private final Map<String, DialingAccount> accounts = new ConcurrentHashMap<>();
    private final FollowedView view = new FollowedView("accounts.v1");

    /**
     * The account, empty when accounts.v1 has no such account (or it was closed).
     *
     * @throws DialerNotReadyException before accounts.v1 was read to its end: a request waits rather than
     *                                 being refused for an account not read yet
     */
    public Optional<DialingAccount> find(String accountId) {
        view.requireLoaded();
        return Optional.ofNullable(accounts.get(accountId));
    }

    public void put(DialingAccount account) {
        accounts.put(account.accountId(), account);
    }

    public void remove(String accountId) {
        accounts.remove(accountId);
    }

    /** The follower that fills this view: what says whether it is loaded, and catches it up. */
    public void readFrom(FollowedTopic topic) {
        view.readFrom(topic);
    }

    public boolean isLoaded() {
        return view.isLoaded();
    }

    /**
     * Catches up with everything committed to accounts.v1 before this call: read before a request is refused for
     * what this view lacks, so that it is not refused for a record written a moment before it.
     *
     * @throws DialerNotReadyException when that cannot be done now
     */
    public void catchUp() {
        view.catchUp();
    }

    public int count() {
        return accounts.size();
    }
}
