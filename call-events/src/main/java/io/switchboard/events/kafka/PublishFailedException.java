package io.switchboard.events.kafka;

/**
 * The broker did not take an event within the publish timeout, or refused it. Always transient from
 * the caller's point of view: the write may be retried (event ids are deterministic), and a listener
 * that lets it escape has its record retried, never dead-lettered.
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
