package io.switchboard.simulator.support;

import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * One request a {@link WebhookReceiver} got.
 *
 * @param url     the full URL as requested, query string included: what Twilio signs
 * @param headers first value of each header, names lower-cased
 */
public record ReceivedWebhook(
        String method, String path, String url, Map<String, String> headers, Map<String, String> params) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    public String idempotencyToken() {
        return header("I-Twilio-Idempotency-Token");
    }

    /** Checked with the Twilio SDK's own validator, as webhook-ingress does. */
    public boolean signedWith(String authToken) {
        Map<String, String> signed = method.equals("GET") ? Map.of() : params;
        return new RequestValidator(authToken).validate(url, signed, header("X-Twilio-Signature"));
    }
}
