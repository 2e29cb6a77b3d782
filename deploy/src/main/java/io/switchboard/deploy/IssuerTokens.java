package io.switchboard.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.switchboard.events.envelope.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens from the local stack's development issuer, by the client-credentials grant of the stack's
 * own client. A token is reused for the same account and scopes until shortly before it expires.
 */
final class IssuerTokens {

    /** Every scope of a tenant, without {@code operator}: what {@code ./dev token} asks for by default. */
    static final List<String> TENANT_SCOPES =
            List.of("calls:read", "calls:pii", "calls:write", "billing:read", "billing:write", "accounts:admin");

    static final String OPERATOR = "operator";

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    IssuerTokens(String issuerUrl, String clientId, String clientSecret) {
        this.tokenEndpoint = URI.create(issuerUrl + "/oauth2/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A token acting for this account with these scopes. */
    String forAccount(String accountId, String... scopes) {
        return token(accountId, List.of(scopes));
    }

    /** A platform operator's token: the {@code operator} scope, no account. */
    String operator() {
        return token(null, List.of(OPERATOR));
    }

    /**
     * @param accountId the {@code account} claim, or null for none
     * @param scopes    the scopes to ask for (the issuer refuses unknown ones)
     */
    String token(String accountId, List<String> scopes) {
        String key = accountId + "|" + String.join(" ", scopes);
        Issued cached = issued.get(key);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.token();
        }
        Issued fresh = request(accountId, scopes);
        issued.put(key, fresh);
        return fresh.token();
    }

    private Issued request(String accountId, List<String> scopes) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        if (accountId != null) {
            form.put("account", accountId);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder()
                .encodeToString(
                        (urlEncoded(clientId) + ":" + urlEncoded(clientSecret)).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant asked = Instant.now();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The token issuer at " + tokenEndpoint + " did not answer (is the stack up?): " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            // An error answer carries only error and error_description, never a token.
            throw new IllegalStateException(
                    "The token issuer refused (" + response.statusCode() + "): " + response.body());
        }
        JsonNode answer = EventJson.mapper().readTree(response.body());
        Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(0));
        Instant renewAt = asked.plus(lifetime).minus(RENEW_BEFORE_EXPIRY);
        return new Issued(answer.path("access_token").asString(), renewAt);
    }

    /** RFC 6749 2.3.1: client id and secret are form-encoded before they go into Basic. */
    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Issued(String token, Instant renewAt) {
        @Override
        public String toString() {
            return "Issued[renewAt=" + renewAt + "]";
        }
    }
}
