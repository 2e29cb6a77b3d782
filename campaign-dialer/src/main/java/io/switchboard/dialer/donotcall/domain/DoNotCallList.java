package io.switchboard.dialer.donotcall.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.placement.domain.DialerNotReadyException;
import io.switchboard.dialer.placement.domain.FollowedView;
import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.kafka.FollowedTopic;

/**
 * Every account's do-not-call list as do-not-call.v1 says it is now, on every dialer instance. The latest
 * change per number wins by its time; an older one re-produced later is not taken ({@link #apply}), so a
 * copied "taken off" record cannot take a number off again. Read on every placement, written by the
 * follower's one thread.
 */
public class DoNotCallList {

    private final Map<String, DoNotCallChanged> latest = new ConcurrentHashMap<>();
    private final FollowedView view = new FollowedView("do-not-call.v1");

    /**
     * The entry of {@code number} (E.164, normalized) on the account's list, after catching up with every
     * change committed before this call: a number listed a moment ago is found.
     *
     * @throws DialerNotReadyException before do-not-call.v1 was read, or when it cannot be caught up with now
     */
    public Optional<DoNotCallEntry> find(String accountId, String number) {
        view.catchUp();
        return Optional.ofNullable(latest.get(DoNotCallChanged.key(accountId, number)))
                .filter(DoNotCallChanged::listed)
                .map(listed -> new DoNotCallEntry(
                        listed.accountId(), listed.number(), listed.reason(), listed.changedAt(), listed.changedBy()));
    }

    /** @return false when {@code change} is older than the change held for its number, and was not taken */
    public boolean apply(DoNotCallChanged change) {
        boolean[] taken = {false};
        latest.compute(DoNotCallChanged.key(change.accountId(), change.number()), (key, held) -> {
            if (held == null || !change.changedAt().isBefore(held.changedAt())) {
                taken[0] = true;
                return change;
            }
            return held;
        });
        return taken[0];
    }

    public void readFrom(FollowedTopic topic) {
        view.readFrom(topic);
    }

    public boolean isLoaded() {
        return view.isLoaded();
    }

    /** Numbers listed now, over every account. */
    public long listedCount() {
        return latest.values().stream().filter(DoNotCallChanged::listed).count();
    }

    /** When the list was last changed for {@code accountId}'s {@code number}, listed or not. */
    public Optional<Instant> lastChanged(String accountId, String number) {
        return Optional.ofNullable(latest.get(DoNotCallChanged.key(accountId, number)))
                .map(DoNotCallChanged::changedAt);
    }
}
