package io.switchboard.events.envelope;

/**
 * A record that can never be applied: retrying will not help, so it goes to the dead-letter topic
 * with this message as its reason and the consumer moves on.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String message) {
        super(message);
    }

    public RejectedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
