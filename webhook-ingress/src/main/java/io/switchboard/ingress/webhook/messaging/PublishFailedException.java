package io.switchboard.ingress.webhook.messaging;

/** The broker did not acknowledge an event in time: the webhook gets a 503 so the provider retries. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
