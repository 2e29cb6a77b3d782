package io.switchboard.dialer.placement.domain;

import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.QueuedCallRecorded;

/** What became of a request at its account's owner. */
public sealed interface Admission {

    /** The request this is about. */
    String requestId();

    /** Admitted: publish {@code intent} and {@code queued} (for its provider account's owner) together. */
    record Queued(DialIntentRecorded intent, QueuedCallRecorded queued) implements Admission {
        @Override
        public String requestId() {
            return intent.requestId();
        }
    }

    /** It will not be dialed: publish the rejection and {@code settled} together; {@code field} may be null. */
    record Rejected(String reason, String field, DialIntentRecorded settled) implements Admission {
        @Override
        public String requestId() {
            return settled.requestId();
        }
    }

    /** Due later: publish {@code intent}, which holds nothing and keeps the request until it is due. */
    record Scheduled(DialIntentRecorded intent) implements Admission {
        @Override
        public String requestId() {
            return intent.requestId();
        }
    }

    /** Already admitted or rejected: nothing to do. */
    record Duplicate(String requestId) implements Admission {}
}
