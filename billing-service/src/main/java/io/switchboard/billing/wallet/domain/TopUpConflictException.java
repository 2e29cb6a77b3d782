package io.switchboard.billing.wallet.domain;

/** A top-up id already applied to this account with a different amount: a client bug, not a retry. */
public class TopUpConflictException extends RuntimeException {

    public TopUpConflictException(String message) {
        super(message);
    }
}
