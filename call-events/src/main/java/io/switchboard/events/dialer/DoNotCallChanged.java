package io.switchboard.events.dialer;

import java.time.Instant;

/**
 * A number put on or taken off an account's do-not-call list, on {@code do-not-call.v1} compacted by
 * {@code accountId/number}: the latest record per number is whether the dialer may call it for the account.
 * A number taken off is a record with {@code listed} false, not a tombstone (nobody signs a tombstone).
 *
 * @param number    E.164, normalized by libphonenumber
 * @param listed    true: never dialed for the account; false: taken off the list
 * @param reason    why it was listed (e.g. the person asked), or null
 * @param changedAt when the list changed: readers keep the latest per number and refuse an older record
 *                  re-produced later
 * @param changedBy the token subject that changed it
 */
public record DoNotCallChanged(
        String accountId, String number, boolean listed, String reason, Instant changedAt, String changedBy) {

    /** The compaction key: one record per number of an account. */
    public static String key(String accountId, String number) {
        return accountId + "/" + number;
    }
}
