package io.switchboard.ingress.webhook.domain;

import org.springframework.http.HttpHeaders;

/**
 * A provider's webhook authentication, the part of receiving a webhook that differs per provider
 * (Twilio: HMAC-SHA1 over URL and form; VAPI: a shared secret header or an HMAC over the body).
 * Credentials come from the account directory (accounts.v1).
 */
public interface WebhookVerifier {

    /** The provider's name as it appears in metrics, events and account credentials, e.g. {@code twilio}. */
    String provider();

    /**
     * What can be checked before the body is read.
     *
     * @throws UnknownAccountException    when the account has no credentials for this provider
     * @throws SignatureRejectedException when the request carries no signature
     * @throws io.switchboard.ingress.account.domain.AccountUnavailableException when the accounts are not
     *         loaded yet or the credential cannot be opened
     */
    void precheck(String accountId, HttpHeaders headers);

    /** @throws SignatureRejectedException when the signature does not match the request */
    void verify(WebhookRequest request);

    /** The most body bytes this provider's webhooks may carry (413 above it); the ingress limit unless overridden. */
    default int maxBodyBytes(int ingressLimit) {
        return ingressLimit;
    }

    /**
     * Whether the body is read into {@link WebhookRequest#fields()} (Twilio signs its form fields). A
     * provider that reads its own JSON document says no, so a large body is not parsed twice.
     */
    default boolean readsFields() {
        return true;
    }
}
