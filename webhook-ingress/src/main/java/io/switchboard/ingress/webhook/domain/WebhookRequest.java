package io.switchboard.ingress.webhook.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * One webhook as a provider adapter sees it: whose it is, the public URL the provider called, the
 * headers, the raw body (some providers sign its bytes) and its fields, every value of every field
 * in the order sent (form fields, or the top-level members of a JSON object).
 *
 * @param json whether the body was JSON rather than a form
 */
public record WebhookRequest(
        String accountId,
        PublicUrl publicUrl,
        HttpHeaders headers,
        boolean json,
        byte[] body,
        Map<String, List<String>> fields) {

    public WebhookRequest {
        headers = HttpHeaders.readOnlyHttpHeaders(headers);
        var copy = new LinkedHashMap<String, List<String>>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        fields = Collections.unmodifiableMap(copy);
    }

    /** A form webhook with one value per field, as most tests and mappings build them. */
    public static WebhookRequest ofForm(
            String accountId, PublicUrl publicUrl, HttpHeaders headers, Map<String, String> form) {
        var fields = new LinkedHashMap<String, List<String>>();
        form.forEach((name, value) -> fields.put(name, List.of(value)));
        return new WebhookRequest(accountId, publicUrl, headers, false, new byte[0], fields);
    }

    /** A header's first value, or null when absent or blank. */
    public String header(String name) {
        return blankToNull(headers.getFirst(name));
    }

    /**
     * A field's first value, or null when absent or blank (Twilio sends empty fields, e.g.
     * {@code ForwardedFrom=}). A field sent twice counts with its first value; the signature covers both.
     */
    public String param(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : blankToNull(values.getFirst());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
