package io.switchboard.dialer.wallet.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.placement.domain.DialerNotReadyException;
import io.switchboard.dialer.placement.domain.FollowedView;
import io.switchboard.events.kafka.FollowedTopic;

/**
 * Every account's wallet as wallets.v1 says it is now, on every dialer instance. The newest state per
 * wallet is kept by version; a lower version re-produced later is not taken ({@link #offer}). Read on every
 * request, written by the follower's one thread.
 */
public class WalletBalances {

    private final Map<String, WalletBalance> wallets = new ConcurrentHashMap<>();
    private final FollowedView view = new FollowedView("wallets.v1");

    /**
     * The account's wallet, empty when billing has published none for it (no top-up yet).
     *
     * @throws DialerNotReadyException before wallets.v1 was read to its end
     */
    public Optional<WalletBalance> of(String accountId) {
        view.requireLoaded();
        return Optional.ofNullable(wallets.get(accountId));
    }

    /**
     * Takes {@code state} unless a newer one (a higher version) is held; states without a version (0) follow
     * each other in the topic's order, as billing's own rebuild reads them.
     *
     * @return false when {@code state} is older than the one held, and was not taken
     */
    public boolean offer(WalletBalance state) {
        boolean[] taken = {false};
        wallets.compute(state.accountId(), (accountId, held) -> {
            if (held == null || state.version() > held.version() || (state.version() == 0 && held.version() == 0)) {
                taken[0] = true;
                return state;
            }
            taken[0] = state.version() == held.version();
            return held;
        });
        return taken[0];
    }

    /** The follower that fills this view: what says whether it is loaded, and catches it up. */
    public void readFrom(FollowedTopic topic) {
        view.readFrom(topic);
    }

    public boolean isLoaded() {
        return view.isLoaded();
    }

    /**
     * Catches up with everything committed to wallets.v1 before this call: read before a request is refused for
     * what this view lacks, so that it is not refused for a record written a moment before it.
     *
     * @throws DialerNotReadyException when that cannot be done now
     */
    public void catchUp() {
        view.catchUp();
    }

    public int count() {
        return wallets.size();
    }
}
