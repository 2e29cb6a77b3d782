package io.switchboard.ingress.provider.vapi.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.provider.vapi.config.VapiProperties.SignatureEncoding;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Checks that a server message comes from VAPI with the account's credential. {@code secret-header}:
 * the header holds the secret. {@code hmac-sha256}: the signature header holds
 * HMAC-SHA256(secret, {@code <timestamp header as sent> "." <raw body>}), and the timestamp is within
 * the tolerance of our clock either way, so a captured message cannot be replayed later. Secrets and
 * signatures are compared in constant time.
 */
@Component
public class VapiAuthenticator {

    private static final String BEARER = "bearer ";

    private final VapiProperties properties;
    private final Clock clock;

    public VapiAuthenticator(VapiProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** What can be refused before the body is read: a request without the credential's headers. */
    public Optional<VapiRejection> precheck(VapiCredential credential, HttpHeaders headers) {
        return switch (credential.verification()) {
            case SECRET_HEADER ->
                secret(headers) == null ? Optional.of(VapiRejection.MISSING_SECRET) : Optional.empty();
            case HMAC_SHA256 -> {
                if (header(headers, properties.signatureHeader()) == null) {
                    yield Optional.of(VapiRejection.MISSING_SIGNATURE);
                }
                yield header(headers, properties.timestampHeader()) == null
                        ? Optional.of(VapiRejection.MISSING_TIMESTAMP)
                        : Optional.empty();
            }
        };
    }

    /** Empty when the request is authentic, else why not. */
    public Optional<VapiRejection> verify(VapiCredential credential, HttpHeaders headers, byte[] rawBody) {
        Optional<VapiRejection> missing = precheck(credential, headers);
        if (missing.isPresent()) {
            return missing;
        }
        return switch (credential.verification()) {
            case SECRET_HEADER ->
                sameSecret(credential.secret(), secret(headers))
                        ? Optional.empty()
                        : Optional.of(VapiRejection.SECRET_MISMATCH);
            case HMAC_SHA256 -> verifyHmac(credential.secret(), headers, rawBody);
        };
    }

    private Optional<VapiRejection> verifyHmac(String secret, HttpHeaders headers, byte[] rawBody) {
        String timestamp = header(headers, properties.timestampHeader());
        byte[] expected = hmacSha256(secret, timestamp, rawBody);
        byte[] presented = decodeSignature(header(headers, properties.signatureHeader()));
        if (presented == null || !MessageDigest.isEqual(expected, presented)) {
            return Optional.of(VapiRejection.SIGNATURE_MISMATCH);
        }
        Instant signedAt = VapiTimestamps.parse(timestamp);
        if (signedAt == null) {
            return Optional.of(VapiRejection.BAD_TIMESTAMP);
        }
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        return skew.compareTo(properties.timestampTolerance()) > 0
                ? Optional.of(VapiRejection.STALE_TIMESTAMP)
                : Optional.empty();
    }

    static byte[] hmacSha256(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private byte[] decodeSignature(String signature) {
        String prefix = properties.signaturePrefix();
        if (!prefix.isEmpty()) {
            if (!signature.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return null;
            }
            signature = signature.substring(prefix.length());
        }
        try {
            return properties.signatureEncoding() == SignatureEncoding.HEX
                    ? HexFormat.of().parseHex(signature.trim().toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String secret(HttpHeaders headers) {
        String value = header(headers, properties.secretHeader());
        if (value != null
                && HttpHeaders.AUTHORIZATION.equalsIgnoreCase(properties.secretHeader())
                && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).trim();
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** Digests first, so the comparison takes the same time whatever the lengths. */
    private static boolean sameSecret(String expected, String presented) {
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String header(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
