package io.switchboard.simulator.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;

/**
 * One webhook delivery as Twilio makes it. Retries and fault-injected duplicates reuse the same
 * instance, hence the same idempotency token.
 *
 * @param kind       what it is for the journal: status-callback, recording-callback or voice
 * @param accountSid whose auth token signs it
 * @param params     form params in the order Twilio lists them
 */
public record Webhook(
        String kind,
        String accountSid,
        String url,
        HttpMethod method,
        Map<String, String> params,
        String idempotencyToken) {

    private static final int MAX_OVERRIDE_RETRIES = 5;

    public Webhook {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Webhook of(
            String kind, String accountSid, String url, HttpMethod method, Map<String, String> params) {
        return new Webhook(
                kind, accountSid, url, method, params, UUID.randomUUID().toString());
    }

    /**
     * The URL requested and signed: without its fragment (Twilio's connection overrides, never sent),
     * and for a GET with the params in its query string.
     */
    String target() {
        String sent = withoutFragment();
        if (method != HttpMethod.GET) {
            return sent;
        }
        return sent + (sent.contains("?") ? "&" : "?") + formEncoded();
    }

    /** Retries after the first attempt: the URL's {@code #rc=N} connection override (at most 5), else the default. */
    int retries(int defaultRetries) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return defaultRetries;
        }
        for (String override : url.substring(hash + 1).split("&")) {
            if (override.startsWith("rc=")) {
                try {
                    return Math.clamp(Integer.parseInt(override.substring(3)), 0, MAX_OVERRIDE_RETRIES);
                } catch (NumberFormatException ignored) {
                    return defaultRetries;
                }
            }
        }
        return defaultRetries;
    }

    private String withoutFragment() {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The params that enter the signature besides the URL: none for a GET. */
    Map<String, String> signedParams() {
        return method == HttpMethod.GET ? Map.of() : params;
    }

    String formEncoded() {
        return params.entrySet().stream()
                .map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
