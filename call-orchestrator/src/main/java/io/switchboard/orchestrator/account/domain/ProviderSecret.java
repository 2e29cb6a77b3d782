package io.switchboard.orchestrator.account.domain;

/**
 * A provider secret as an operator sent it, in plaintext: it lives only while a PUT is handled,
 * is sealed before it goes anywhere, and never prints.
 *
 * @param provider          {@link #TWILIO} or {@link #VAPI}
 * @param providerAccountId the account at the provider (Twilio AccountSid); null for VAPI
 * @param secret            Twilio auth token, VAPI server secret
 * @param verification      VAPI: {@code secret-header} or {@code hmac-sha256}; null for Twilio
 */
public record ProviderSecret(String provider, String providerAccountId, String secret, String verification) {

    public static final String TWILIO = "twilio";
    public static final String VAPI = "vapi";

    @Override
    public String toString() {
        return "ProviderSecret[provider=" + provider + ", providerAccountId=" + providerAccountId + ", secret="
                + (secret == null ? null : "***") + ", verification=" + verification + "]";
    }
}
