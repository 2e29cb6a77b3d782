package io.switchboard.dialer.provider.twilio;

import java.net.URI;

/**
 * The webhook-ingress URLs Twilio is given for one account's call:
 * {@code {ingress}/webhooks/twilio/{accountId}/voice|status|recording}.
 */
record TwilioCallbackUrls(URI voice, URI status, URI recording) {

    static TwilioCallbackUrls of(URI ingressBaseUrl, String accountId) {
        // accountId is schema-checked (^[A-Za-z0-9._-]+$), so it is safe as a path segment.
        String base = ingressBaseUrl.toString().replaceAll("/+$", "") + "/webhooks/twilio/" + accountId + "/";
        return new TwilioCallbackUrls(URI.create(base + "voice"), URI.create(base + "status"),
                URI.create(base + "recording"));
    }
}
