package io.switchboard.billing.wallet.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * The newest state read per wallet while wallets.v1 is replayed, by version, so that an older state
 * re-produced to the topic later (a correctly signed record, copied back to restore a spent balance) is
 * refused instead of read as the wallet's latest. States written before versions existed (version 0)
 * keep the topic's order among themselves, as before. One replay's worth: not thread-safe.
 */
public final class WalletStates {

    /** What a state read from the topic is, against the newest one read before it for its wallet. */
    public enum Verdict {
        /** Newer than anything read for the wallet: its state now. */
        NEWER,
        /** The state already read, once more (same version, same event id: re-signed, say): accepted. */
        SAME_FACT,
        /** A lower version, or another event claiming a version already read: refused ({@code stale-snapshot}). */
        STALE
    }

    private final Map<String, Seen> newest = new HashMap<>();

    public Verdict offer(String accountId, long version, String eventId) {
        Seen seen = newest.get(accountId);
        Verdict verdict = verdict(seen, version, eventId);
        if (verdict == Verdict.NEWER) {
            newest.put(accountId, new Seen(version, eventId));
        }
        return verdict;
    }

    /** The highest version read for the wallet, 0 when none was read or none had a version. */
    public long highestVersion(String accountId) {
        Seen seen = newest.get(accountId);
        return seen == null ? 0 : seen.version();
    }

    private static Verdict verdict(Seen seen, long version, String eventId) {
        if (seen == null || version > seen.version() || (version == 0 && seen.version() == 0)) {
            return Verdict.NEWER;
        }
        if (version == seen.version() && eventId.equals(seen.eventId())) {
            return Verdict.SAME_FACT;
        }
        return Verdict.STALE;
    }

    private record Seen(long version, String eventId) {}
}
