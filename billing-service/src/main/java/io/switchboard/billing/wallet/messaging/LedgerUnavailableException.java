package io.switchboard.billing.wallet.messaging;

/** Kafka did not confirm a ledger write; the caller may retry with the same idempotency key. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
