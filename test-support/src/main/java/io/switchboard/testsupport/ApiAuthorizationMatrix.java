package io.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import io.switchboard.events.security.Scope;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization test every service with an API runs: one row per endpoint, and the rows must be
 * exactly the service's handler mappings, so an endpoint added without a row (and so without a
 * rule) fails the build. For each row it proves: no token, a forged, expired, wrong-issuer or
 * wrong-audience token → 401 with {@code WWW-Authenticate: Bearer}; a token of the owning account
 * without a scope the endpoint needs → 403; a token of another account holding every tenant scope
 * → 404, the same answer as a resource that does not exist.
 */
public final class ApiAuthorizationMatrix {

    /**
     * @param pattern  as the handler mapping declares it, e.g. {@code /api/wallets/{accountId}}
     * @param uri      a concrete request to a resource of {@code owner}
     * @param body     a JSON body for writes, or null
     * @param anyOf    the scopes any of which lets the owner in
     * @param owner    the account the resource belongs to; null for an endpoint that is not one account's
     */
    public record Endpoint(HttpMethod method, String pattern, String uri, String body, Set<Scope> anyOf, String owner) {

        public static Endpoint of(HttpMethod method, String pattern, String uri, String owner, Scope... anyOf) {
            return new Endpoint(method, pattern, uri, null, Set.of(anyOf), owner);
        }

        public Endpoint withBody(String json) {
            return new Endpoint(method, pattern, uri, json, anyOf, owner);
        }

        String key() {
            return method.name() + " " + pattern;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** {@code switchboard.security.max-request-body}'s default. */
    public static final int DEFAULT_BODY_LIMIT = 64 * 1024;

    private final WebTestClient client;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private int bodyLimit = DEFAULT_BODY_LIMIT;

    public ApiAuthorizationMatrix(WebTestClient client) {
        this.client = client;
    }

    /** For a service that sets {@code switchboard.security.max-request-body} to {@code bytes}. */
    public ApiAuthorizationMatrix bodyLimit(int bytes) {
        this.bodyLimit = bytes;
        return this;
    }

    public ApiAuthorizationMatrix row(Endpoint endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** The rows are the service's endpoints: none missing, none left over. */
    public void assertCovers(RequestMappingHandlerMapping mappings) {
        var declared = new TreeSet<String>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (var pattern : info.getPatternsCondition().getPatterns()) {
                var methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s declares its HTTP method", pattern).isNotEmpty();
                methods.forEach(method -> declared.add(method.name() + " " + pattern.getPatternString()));
            }
        }
        var rows = new TreeSet<String>();
        endpoints.forEach(endpoint -> rows.add(endpoint.key()));
        assertThat(rows)
                .as("authorization rows vs the service's handler mappings")
                .isEqualTo(declared);
    }

    public void assertUnauthenticatedRefused(Endpoint endpoint) {
        expect401(endpoint, null, "no token");
        String owner = endpoint.owner();
        Scope[] scopes = endpoint.anyOf().toArray(Scope[]::new);
        expect401(endpoint, TestTokens.token(owner, scopes).signedByStranger().encoded(), "signed by another key");
        expect401(endpoint, TestTokens.token(owner, scopes).expired().encoded(), "expired");
        expect401(
                endpoint,
                TestTokens.token(owner, scopes).withIssuer("https://evil.test").encoded(),
                "issuer");
        expect401(
                endpoint,
                TestTokens.token(owner, scopes).withAudience("another-api").encoded(),
                "audience");
        expect401(endpoint, "not-a-jwt", "malformed");
    }

    /** A token for the owner holding every scope except the ones the endpoint accepts. */
    public void assertScopeRequired(Endpoint endpoint) {
        Scope[] others = TestTokens.allScopesBut(endpoint.anyOf().toArray(Scope[]::new));
        send(endpoint, TestTokens.forAccount(endpoint.owner(), others))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value)
                                .as("%s without its scope", endpoint)
                                .startsWith("Bearer")
                                .contains("insufficient_scope"));
    }

    /** Another account's token with every tenant scope gets the answer a missing resource gets. */
    public void assertOtherAccountSeesNothing(Endpoint endpoint, String otherAccount) {
        send(endpoint, TestTokens.forAccount(otherAccount, TestTokens.allScopesBut(Scope.OPERATOR)))
                .expectStatus()
                .isNotFound();
    }

    /** The owner with exactly one accepted scope gets through authorization. */
    public void assertOwnerAdmitted(Endpoint endpoint, int expectedStatus) {
        for (Scope scope : endpoint.anyOf()) {
            if (scope == Scope.OPERATOR) {
                continue;
            }
            send(endpoint, TestTokens.forAccount(endpoint.owner(), scope))
                    .expectStatus()
                    .isEqualTo(expectedStatus);
        }
    }

    /** A body one byte over the limit every API holds requests to, from the owner with the right scope. */
    public void assertOversizedBodyRefused(Endpoint endpoint, int limitBytes) {
        var oversized = endpoint.withBody("\"" + "x".repeat(limitBytes - 1) + "\"");
        try {
            send(
                            oversized,
                            TestTokens.forAccount(
                                    endpoint.owner(), endpoint.anyOf().toArray(Scope[]::new)))
                    .expectStatus()
                    .isEqualTo(413);
        } catch (WebClientRequestException e) {
            // Refused from its declared length before a byte of it is read: a client still sending a body of
            // megabytes may see the connection closed before it reads the 413.
            assertThat(e.getMessage()).contains("closed BEFORE response, while sending request body");
        }
    }

    /**
     * Every check for every row, as one test each: unauthenticated, without the scope, from {@code
     * otherAccount} (for rows owned by an account) and, for rows with a body, an oversized body.
     */
    public Stream<DynamicTest> tests(String otherAccount) {
        return endpoints.stream().flatMap(endpoint -> {
            var tests = new ArrayList<DynamicTest>();
            tests.add(dynamicTest(endpoint + ": bad or no token -> 401", () -> assertUnauthenticatedRefused(endpoint)));
            tests.add(dynamicTest(endpoint + ": scope missing -> 403", () -> assertScopeRequired(endpoint)));
            if (endpoint.owner() != null) {
                tests.add(dynamicTest(
                        endpoint + ": another account -> 404",
                        () -> assertOtherAccountSeesNothing(endpoint, otherAccount)));
            }
            if (endpoint.body() != null) {
                tests.add(dynamicTest(
                        endpoint + ": body over " + bodyLimit / 1024 + " KiB -> 413",
                        () -> assertOversizedBodyRefused(endpoint, bodyLimit)));
            }
            return tests.stream();
        });
    }

    public WebTestClient.ResponseSpec send(Endpoint endpoint, String token) {
        return send(endpoint, token, Function.identity());
    }

    public WebTestClient.ResponseSpec send(
            Endpoint endpoint,
            String token,
            Function<WebTestClient.RequestBodySpec, WebTestClient.RequestBodySpec> customize) {
        // One connection per request. Reactor Netty 1.3.7's server can stop reading a keep-alive connection
        // when a request arrives before the previous one's handling has fully terminated (reactor-netty#4361,
        // fixed after 1.3.7): the matrix sends dozens of requests back to back, and one hung for 30 s in CI.
        var request = client.method(endpoint.method()).uri(endpoint.uri()).header(HttpHeaders.CONNECTION, "close");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request = customize.apply(request);
        if (endpoint.body() != null) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(endpoint.body())
                    .exchange();
        }
        return request.exchange();
    }

    private void expect401(Endpoint endpoint, String token, String why) {
        send(endpoint, token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value)
                                .as("%s with a token that is %s", endpoint, why)
                                .startsWith("Bearer"));
    }

    @Override
    public String toString() {
        return Arrays.toString(endpoints.toArray());
    }
}
