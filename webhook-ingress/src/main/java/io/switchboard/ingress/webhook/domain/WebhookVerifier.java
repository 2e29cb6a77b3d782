package io.switchboard.ingress.webhook.domain;

import org.springframework.http.HttpHeaders;

/**
 * A provider's webhook authentication, the part of receiving a webhook that differs per provider
 * (Twilio: HMAC-SHA1 over URL and form; VAPI: a shared secret header; ...).
 */
public interface WebhookVerifier {

    /** The provider's name as it appears in metrics and events, e.g. {@code twilio}. */
    String provider();

    /**
     * What can be checked before the body is read.
     *
     * @throws UnknownAccountException     when the account has no credentials for this provider
     * @throws SignatureRejectedException  when the request carries no signature
     */
    void precheck(String accountId, HttpHeaders headers);

    /** @throws SignatureRejectedException when the signature does not match the request */
    void verify(WebhookRequest request);
}
