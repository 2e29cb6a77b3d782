package io.switchboard.dialer.provider.twilio.client;

import java.net.URI;

/**
 * The webhook-ingress URLs Twilio is given for one request's call: the voice URL
 * {@code {ingress}/webhooks/twilio/{accountId}/outbound/{requestId}/voice}, which Twilio fetches when the
 * callee answers and which names the request (Twilio's signature covers it), so the call is answered as
 * the request asked; {@code .../outbound/{requestId}/amd}, where Twilio reports who answered when the request
 * asked for machine detection; and {@code {ingress}/webhooks/twilio/{accountId}/status|recording}. Each carries Twilio's
 * connection overrides as its fragment ({@code #ct=…&rc=…&rp=…}) so that Twilio retries a callback
 * the ingress answered 503 (broker unavailable). Twilio strips the fragment before it sends and
 * signs the request, so the ingress never sees it.
 */
record TwilioCallbackUrls(URI voice, URI machineDetection, URI status, URI recording) {

    static TwilioCallbackUrls of(URI ingressBaseUrl, String accountId, String requestId, String connectionOverrides) {
        // accountId and requestId are schema-checked (^[A-Za-z0-9._-]+$, ^[A-Za-z0-9._:-]+$): safe as path segments.
        String base = ingressBaseUrl.toString().replaceAll("/+$", "") + "/webhooks/twilio/" + accountId + "/";
        String fragment = connectionOverrides == null || connectionOverrides.isBlank() ? "" : "#" + connectionOverrides;
        return new TwilioCallbackUrls(
                URI.create(base + "outbound/" + requestId + "/voice" + fragment),
                URI.create(base + "outbound/" + requestId + "/amd" + fragment),
                URI.create(base + "status" + fragment),
                URI.create(base + "recording" + fragment));
    }
}
