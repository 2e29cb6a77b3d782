package io.switchboard.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer on a random port, used the way the local stack and the services use it: a client-credentials
 * token request with an account and scopes, and validation through discovery and the JWKS exactly as a
 * resource server configured with {@code issuer-uri} does it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.dev-issuer.client-id=" + DevIssuerIT.CLIENT_ID,
            "switchboard.dev-issuer.client-secret=" + DevIssuerIT.CLIENT_SECRET,
            "switchboard.dev-issuer.token-lifetime=15m",
            "management.server.port=0",
            "logging.structured.format.console="
        })
class DevIssuerIT {

    static final String CLIENT_ID = "stack-client";
    static final String CLIENT_SECRET = "a-test-secret-of-some-length";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static Path keys;

    @DynamicPropertySource
    static void keyDirectory(DynamicPropertyRegistry registry) throws IOException {
        keys = Files.createTempDirectory("dev-issuer-keys-");
        registry.add("switchboard.dev-issuer.key-directory", keys::toString);
    }

    /** The test's signing key does not outlive it. */
    @AfterAll
    static void deleteKeys() throws IOException {
        try (var files = Files.list(keys)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(keys);
    }

    @Test
    void issuesATokenThatAResourceServerValidatesThroughDiscovery() {
        // when the stack's client asks for a token acting for account demo with two scopes
        HttpResponse<String> response =
                tokenRequest(CLIENT_SECRET, Map.of("scope", "calls:pii calls:read", "account", "demo"));

        // then it gets a bearer token
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(899L, 900L);

        // which validates against the issuer's discovery document and JWKS, and carries the contract's claims
        Jwt jwt = decoder().decode(body.path("access_token").asString()).block(Duration.ofSeconds(10));
        assertThat(jwt.getIssuer()).hasToString(issuer());
        assertThat(jwt.getAudience()).containsExactly("switchboard");
        assertThat(jwt.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(jwt.getClaimAsString("account")).isEqualTo("demo");
        assertThat(jwt.getClaims().get("scope"))
                .as("space-separated, in the contract's order")
                .isEqualTo("calls:read calls:pii");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    }

    @Test
    void anOperatorTokenNeedNotActForAnAccount() {
        HttpResponse<String> response = tokenRequest(CLIENT_SECRET, Map.of("scope", "operator"));

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt jwt = decoder()
                .decode(JSON.readTree(response.body()).path("access_token").asString())
                .block(Duration.ofSeconds(10));
        assertThat(jwt.getClaims()).doesNotContainKey("account");
        assertThat(jwt.getClaims().get("scope")).isEqualTo("operator");
    }

    @Test
    void clientSecretPostWorksToo() {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", CLIENT_ID);
        form.put("client_secret", CLIENT_SECRET);
        form.put("scope", "billing:write");
        form.put("account", "acme.eu-1");
        HttpResponse<String> response = post("/oauth2/token", form, null);

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt jwt = decoder()
                .decode(JSON.readTree(response.body()).path("access_token").asString())
                .block(Duration.ofSeconds(10));
        assertThat(jwt.getClaimAsString("account")).isEqualTo("acme.eu-1");
    }

    @Test
    void aWrongClientSecretIsUnauthorized() {
        HttpResponse<String> response = tokenRequest("not-the-secret-at-all", Map.of("scope", "calls:read"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void anAccountOutsideTheIdPatternIsABadRequest() {
        for (String account : new String[] {"demo account", "", "x".repeat(65), "../demo", "démo"}) {
            HttpResponse<String> response =
                    tokenRequest(CLIENT_SECRET, Map.of("scope", "calls:read", "account", account));

            assertThat(response.statusCode()).as("account '%s'", account).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asString())
                    .as("account '%s'", account)
                    .isEqualTo("invalid_request");
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    void anUnknownScopeIsABadRequest() {
        HttpResponse<String> response = tokenRequest(CLIENT_SECRET, Map.of("scope", "calls:read calls:delete"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void discoveryNamesTheIssuerAndTheJwksPublishesOnlyThePublicKey() {
        JsonNode oidc = get(port, "/.well-known/openid-configuration");
        JsonNode oauth = get(port, "/.well-known/oauth-authorization-server");
        assertThat(oidc.path("issuer").asString()).isEqualTo(issuer());
        assertThat(oauth.path("issuer").asString()).isEqualTo(issuer());
        assertThat(oauth.path("token_endpoint").asString()).isEqualTo(issuer() + "/oauth2/token");

        JsonNode jwks = get(port, URI.create(oidc.path("jwks_uri").asString()).getPath());
        assertThat(jwks.path("keys")).hasSize(1);
        JsonNode key = jwks.path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).as("private exponent").isFalse();
        assertThat(key.has("p")).as("private prime").isFalse();
    }

    @Test
    void probesAnswerOnTheManagementPort() {
        assertThat(get(managementPort, "/actuator/health/readiness")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    private String issuer() {
        return "http://localhost:" + port;
    }

    private ReactiveJwtDecoder decoder() {
        return ReactiveJwtDecoders.fromIssuerLocation(issuer());
    }

    private HttpResponse<String> tokenRequest(String secret, Map<String, String> parameters) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        form.putAll(parameters);
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post("/oauth2/token", form, "Basic " + basic);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(issuer() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(request.build());
    }

    private static JsonNode get(int port, String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
