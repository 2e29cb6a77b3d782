package io.switchboard.ingress.webhook.domain;

/** A webhook whose body cannot be read or lacks what we need: a 4xx, never retried into a 5xx. */
public class BadWebhookException extends RuntimeException {

    public BadWebhookException(String reason) {
        super(reason);
    }

    public BadWebhookException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
