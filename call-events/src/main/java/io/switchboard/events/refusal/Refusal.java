package io.switchboard.events.refusal;

import java.util.Objects;

/**
 * Why a consumer will not apply a record: what a verified event claims to be about (its key, its
 * signed subject) cannot be reconciled with the call or account its payload names; the record is an
 * unsigned tombstone; or the snapshot is older than one already applied. A refused record is logged,
 * counted ({@link EventRefusals}) and passed over, never applied: retrying cannot make it consistent,
 * and the call or wallet it would have touched is none of its business.
 *
 * @param reason a short, stable token, used as a metric tag
 * @param detail what did not match, for the log line
 */
public record Refusal(String reason, String detail) {

    /** The record's key names another call (or nothing readable) than the payload. */
    public static final String KEY_MISMATCH = "key-mismatch";

    /** The event's signed subject names another call than its payload. */
    public static final String SUBJECT_MISMATCH = "subject-mismatch";

    /** The key or subject names the same provider call, or the record's account, for another account than the payload. */
    public static final String ACCOUNT_MISMATCH = "account-mismatch";

    /**
     * A record without a value (a tombstone) on a topic of signed events: nobody signed it, so it deletes
     * nothing. Deleting what a compacted topic holds takes a signed event of its owner.
     */
    public static final String UNSIGNED_TOMBSTONE = "unsigned-tombstone";

    /** A snapshot older than one already applied for the same key (a lower revision), re-produced later. */
    public static final String STALE_SNAPSHOT = "stale-snapshot";

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
