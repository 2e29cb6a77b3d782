package io.switchboard.ingress.webhook.domain;

import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * One webhook as a provider adapter sees it: whose it is, the public URL the provider called (query
 * string exactly as sent), the request headers and the decoded form fields.
 */
public record WebhookRequest(String accountId, String publicUrl, HttpHeaders headers, Map<String, String> params) {

    public WebhookRequest {
        headers = HttpHeaders.readOnlyHttpHeaders(headers);
        params = Map.copyOf(params);
    }

    /** A header's first value, or null when absent or blank. */
    public String header(String name) {
        return blankToNull(headers.getFirst(name));
    }

    /** A form field, or null when absent or blank (Twilio sends empty fields, e.g. {@code ForwardedFrom=}). */
    public String param(String name) {
        return blankToNull(params.get(name));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
