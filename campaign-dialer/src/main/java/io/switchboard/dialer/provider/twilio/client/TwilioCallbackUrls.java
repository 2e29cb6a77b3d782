package io.switchboard.dialer.provider.twilio.client;

import java.net.URI;

/**
 * The webhook-ingress URLs Twilio is given for one account's call:
 * {@code {ingress}/webhooks/twilio/{accountId}/voice|status|recording}, each carrying Twilio's
 * connection overrides as its fragment ({@code #ct=…&rc=…&rp=…}) so that Twilio retries a callback
 * the ingress answered 503 (broker unavailable). Twilio strips the fragment before it sends and
 * signs the request, so the ingress never sees it.
 */
record TwilioCallbackUrls(URI voice, URI status, URI recording) {

    static TwilioCallbackUrls of(URI ingressBaseUrl, String accountId, String connectionOverrides) {
        // accountId is schema-checked (^[A-Za-z0-9._-]+$), so it is safe as a path segment.
        String base = ingressBaseUrl.toString().replaceAll("/+$", "") + "/webhooks/twilio/" + accountId + "/";
        String fragment = connectionOverrides == null || connectionOverrides.isBlank() ? "" : "#" + connectionOverrides;
        return new TwilioCallbackUrls(
                URI.create(base + "voice" + fragment),
                URI.create(base + "status" + fragment),
                URI.create(base + "recording" + fragment));
    }
}
