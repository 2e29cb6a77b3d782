package io.switchboard.ingress.provider.vapi.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * VAPI server-URL settings ({@code switchboard.ingress.vapi.*}). The secrets themselves are the
 * accounts' credentials on accounts.v1; these say how VAPI presents them.
 *
 * @param secretHeader       the header of a {@code secret-header} credential (VAPI's legacy {@code X-Vapi-Secret};
 *                           a Bearer Token credential may name another, {@code Authorization} drops {@code Bearer })
 * @param signatureHeader    the header of an {@code hmac-sha256} credential's signature (VAPI's default {@code x-signature})
 * @param timestampHeader    the header of its timestamp (VAPI's default {@code x-timestamp})
 * @param signaturePrefix    text before the signature, e.g. {@code sha256=} (VAPI's default: none)
 * @param signatureEncoding  {@code hex} (VAPI's default) or {@code base64}
 * @param timestampTolerance how far a signed timestamp may be from our clock, either way, before it is refused
 * @param maxBodySize        an end-of-call report carries the whole transcript and messages, far more than
 *                           Twilio's forms, so VAPI has its own limit (413 above it)
 * @param assistantRequest   answering {@code assistant-request}
 */
@ConfigurationProperties("switchboard.ingress.vapi")
public record VapiProperties(
        @DefaultValue("X-Vapi-Secret") String secretHeader,
        @DefaultValue("x-signature") String signatureHeader,
        @DefaultValue("x-timestamp") String timestampHeader,
        @DefaultValue("") String signaturePrefix,
        @DefaultValue("hex") SignatureEncoding signatureEncoding,
        @DefaultValue("5m") Duration timestampTolerance,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue AssistantRequest assistantRequest) {

    public VapiProperties {
        requireText(secretHeader, "secret-header");
        requireText(signatureHeader, "signature-header");
        requireText(timestampHeader, "timestamp-header");
        signaturePrefix = signaturePrefix == null ? "" : signaturePrefix;
        if (timestampTolerance.isNegative() || timestampTolerance.isZero()) {
            throw new IllegalArgumentException("switchboard.ingress.vapi.timestamp-tolerance must be positive");
        }
        if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("switchboard.ingress.vapi.max-body-size must be between 1B and 2GB");
        }
    }

    public enum SignatureEncoding {
        HEX,
        BASE64
    }

    /**
     * @param deadline how long an assistant-request waits for the orchestrator before the fallback. VAPI's
     *                 docs give the whole request 7.5 s on one page and ~5 s on another, so stay well below both
     * @param fallback the JSON answered when no decision arrives in time: {@code {"error": "…"}} (VAPI speaks it
     *                 and ends the call) or {@code {"assistantId": "…"}} (a default assistant)
     */
    public record AssistantRequest(
            @DefaultValue("3s") Duration deadline,
            @DefaultValue(DEFAULT_FALLBACK) String fallback) {

        public static final String DEFAULT_FALLBACK = "{\"error\":\"Sorry, we cannot take your call right now.\"}";

        public AssistantRequest {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException(
                        "switchboard.ingress.vapi.assistant-request.deadline must be positive");
            }
            requireText(fallback, "assistant-request.fallback");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("switchboard.ingress.vapi." + name + " must not be blank");
        }
    }
}
