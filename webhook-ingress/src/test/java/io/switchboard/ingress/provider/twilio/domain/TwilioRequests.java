package io.switchboard.ingress.provider.twilio.domain;

import java.util.Map;

import io.switchboard.ingress.testing.PublicUrls;
import io.switchboard.ingress.webhook.domain.PublicUrl;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import org.springframework.http.HttpHeaders;

/** Verified Twilio webhooks as the mapper receives them. */
final class TwilioRequests {

    static final PublicUrl URL = PublicUrls.parse("https://ingress.example.test/webhooks/twilio/acme/status");

    private TwilioRequests() {}

    static WebhookRequest of(Map<String, String> params) {
        return of(params, new HttpHeaders());
    }

    static WebhookRequest withIdempotencyToken(Map<String, String> params, String token) {
        return withIdempotencyToken("acme", params, token);
    }

    static WebhookRequest of(Map<String, String> params, HttpHeaders headers) {
        return of("acme", params, headers);
    }

    /** Verified for another account than {@code acme}. */
    static WebhookRequest of(String accountId, Map<String, String> params) {
        return of(accountId, params, new HttpHeaders());
    }

    static WebhookRequest withIdempotencyToken(String accountId, Map<String, String> params, String token) {
        var headers = new HttpHeaders();
        headers.add(TwilioEventMapper.IDEMPOTENCY_HEADER, token);
        return of(accountId, params, headers);
    }

    private static WebhookRequest of(String accountId, Map<String, String> params, HttpHeaders headers) {
        return WebhookRequest.ofForm(accountId, URL, headers, params);
    }
}
