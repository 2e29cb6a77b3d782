package io.switchboard.ingress.webhook.domain;

/** A webhook body over the configured in-memory limit ({@code spring.http.codecs.max-in-memory-size}). */
public class WebhookTooLargeException extends BadWebhookException {

    public WebhookTooLargeException(Throwable cause) {
        super("body is larger than allowed", cause);
    }
}
