package io.switchboard.devissuer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.dev-issuer.*}: the development issuer's one client, its signing key and its tokens.
 *
 * @param issuer        the issuer URL put in {@code iss} and the discovery documents, e.g.
 *                      {@code http://localhost:8100}; must be exactly the {@code issuer-uri} the resource
 *                      servers are given. Default: none, the URL each request was sent to
 * @param clientId      the id of the one registered confidential client; also the tokens' {@code sub}.
 *                      Default {@code switchboard-local}
 * @param clientSecret  that client's secret (client_secret_basic or client_secret_post). Required, no
 *                      default: the local stack generates one and keeps it in {@code .local/secrets.json}
 * @param keyDirectory  where the RSA signing key is kept (generated on first start, owner-only), so that
 *                      tokens stay valid across restarts. Default {@code .local/dev-issuer}, relative to the
 *                      working directory
 * @param tokenLifetime how long an access token is valid. Default {@code 1h}
 * @param audience      the {@code aud} of every access token. Default {@code switchboard}
 */
@ConfigurationProperties("switchboard.dev-issuer")
public record DevIssuerProperties(
        URI issuer,
        @DefaultValue("switchboard-local") String clientId,
        String clientSecret,
        @DefaultValue(".local/dev-issuer") Path keyDirectory,
        @DefaultValue("1h") Duration tokenLifetime,
        @DefaultValue("switchboard") String audience) {

    /** Checked here: a bad value fails start-up naming the property. */
    public DevIssuerProperties {
        require(
                issuer == null
                        || (issuer.isAbsolute()
                                && ("http".equals(issuer.getScheme()) || "https".equals(issuer.getScheme()))
                                && issuer.getQuery() == null
                                && issuer.getFragment() == null),
                "issuer must be an absolute http(s) URL without query or fragment");
        require(clientId != null && !clientId.isBlank(), "client-id is required");
        require(
                clientSecret != null && clientSecret.length() >= 16,
                "client-secret is required (at least 16 characters)");
        require(keyDirectory != null, "key-directory is required");
        require(tokenLifetime != null && tokenLifetime.isPositive(), "token-lifetime must be positive");
        require(audience != null && !audience.isBlank(), "audience is required");
    }

    private static void require(boolean valid, String problem) {
        if (!valid) {
            throw new IllegalArgumentException("switchboard.dev-issuer." + problem);
        }
    }

    /** Keeps the client secret out of logs and failure analyses. */
    @Override
    public String toString() {
        return "DevIssuerProperties[issuer=" + issuer + ", clientId=" + clientId + ", keyDirectory=" + keyDirectory
                + ", tokenLifetime=" + tokenLifetime + ", audience=" + audience + "]";
    }
}
