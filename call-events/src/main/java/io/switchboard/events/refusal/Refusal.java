package io.switchboard.events.refusal;

import java.util.Objects;

/**
 * Why a consumer will not apply a verified event: what the record claims to be about (its key, its
 * signed subject) cannot be reconciled with the call or account its payload names. A refused event
 * is logged, counted ({@link EventRefusals}) and passed over, never applied: retrying cannot make it
 * consistent, and the call or wallet it would have touched is none of its business.
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

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
