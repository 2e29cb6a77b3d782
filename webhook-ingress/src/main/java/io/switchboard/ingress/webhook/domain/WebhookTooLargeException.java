package io.switchboard.ingress.webhook.domain;

/** A webhook body over {@code switchboard.ingress.max-body-size}, declared or actual. */
public class WebhookTooLargeException extends BadWebhookException {

    public WebhookTooLargeException(long maxBytes) {
        super("body is larger than " + maxBytes + " bytes");
    }
}
