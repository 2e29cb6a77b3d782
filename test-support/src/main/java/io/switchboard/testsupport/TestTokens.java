package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.events.security.Scope;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Bearer tokens for API tests, signed by a key pair made for this run: every service under test is
 * told to trust it as the issuer {@link #ISSUER} for the audience {@link #AUDIENCE}. Tokens from
 * {@link Token#signedByStranger()}, for another audience or issuer, or expired, are ones a service
 * must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.switchboard.test";
    public static final String AUDIENCE = "switchboard";

    private static final KeyPair ISSUER_KEYS = rsaKeyPair();
    private static final KeyPair STRANGER_KEYS = rsaKeyPair();
    private static final Path PUBLIC_KEY_FILE = writePublicKey();

    private TestTokens() {}

    /** A token acting for the account with the scopes. */
    public static String forAccount(String accountId, Scope... scopes) {
        return token(accountId, scopes).encoded();
    }

    /** A platform operator's token, holding no account. */
    public static String operator(Scope... more) {
        var scopes = EnumSet.of(Scope.OPERATOR);
        scopes.addAll(Arrays.asList(more));
        return token(null, scopes.toArray(Scope[]::new)).encoded();
    }

    public static Token token(String accountId, Scope... scopes) {
        return new Token(
                "test-client", accountId, Set.of(scopes), ISSUER, AUDIENCE, Duration.ofMinutes(10), ISSUER_KEYS);
    }

    /**
     * Adds to every request a token of the account the path names right after {@code pathPrefix}
     * (e.g. {@code /api/accounts/}), for tests that act on many accounts through one client.
     */
    public static ExchangeFilterFunction actingForThePathsAccount(String pathPrefix, Scope... scopes) {
        return (request, next) -> {
            String path = request.url().getPath();
            if (!path.startsWith(pathPrefix)) {
                return next.exchange(request);
            }
            String account = path.substring(pathPrefix.length()).split("/", 2)[0];
            return next.exchange(ClientRequest.from(request)
                    .headers(headers -> headers.setBearerAuth(forAccount(account, scopes)))
                    .build());
        };
    }

    /** Every scope but the ones named. */
    public static Scope[] allScopesBut(Scope... excluded) {
        var scopes = EnumSet.allOf(Scope.class);
        scopes.removeAll(Arrays.asList(excluded));
        return scopes.toArray(Scope[]::new);
    }

    /** The Spring Boot resource-server properties that make a service trust this run's issuer key. */
    public static Map<String, String> properties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                PUBLIC_KEY_FILE.toUri().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER);
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
        return properties;
    }

    /** One token to be: each {@code with...} gives a variant that a service should refuse. */
    public record Token(
            String subject,
            String accountId,
            Set<Scope> scopes,
            String issuer,
            String audience,
            Duration lifetime,
            KeyPair keys) {

        /** The same token for another {@code sub}: whom audit entries name. */
        public Token withSubject(String other) {
            return new Token(other, accountId, scopes, issuer, audience, lifetime, keys);
        }

        public Token signedByStranger() {
            return new Token(subject, accountId, scopes, issuer, audience, lifetime, STRANGER_KEYS);
        }

        public Token withIssuer(String other) {
            return new Token(subject, accountId, scopes, other, audience, lifetime, keys);
        }

        public Token withAudience(String other) {
            return new Token(subject, accountId, scopes, issuer, other, lifetime, keys);
        }

        /** Issued and expired well before now, beyond any clock-skew allowance. */
        public Token expired() {
            return new Token(subject, accountId, scopes, issuer, audience, Duration.ofHours(-1), keys);
        }

        public String encoded() {
            Instant now = Instant.now();
            Instant issuedAt = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(10)) : now;
            var claims = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime.abs())))
                    .claim("scope", scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" ")));
            if (accountId != null) {
                claims.claim("account", accountId);
            }
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            try {
                jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("switchboard-test-issuer", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
