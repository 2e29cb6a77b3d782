package io.switchboard.events.transaction;

/** How a Kafka transaction ended, as far as this process knows. */
public enum TransactionOutcome {
    COMMITTED,
    ROLLED_BACK,
    /** The commit failed in a way that may still have committed (e.g. a timeout): re-read before trusting memory. */
    UNKNOWN
}
