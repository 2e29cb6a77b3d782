package io.switchboard.billing.rating.domain;

/** A completed call whose snapshot lacks what rating needs; retrying it cannot help. */
public class UnratableCallException extends RuntimeException {

    public UnratableCallException(String message) {
        super(message);
    }
}
