package io.switchboard.ingress.provider.vapi.domain;

import java.util.Locale;

/**
 * How one account's VAPI server messages prove they come from VAPI: the opened secret and the
 * scheme the account chose. {@link #toString()} never shows the secret.
 */
public record VapiCredential(String secret, Verification verification) {

    public VapiCredential {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a VAPI credential needs a secret");
        }
        if (verification == null) {
            throw new IllegalArgumentException("a VAPI credential needs a verification scheme");
        }
    }

    @Override
    public String toString() {
        return "VapiCredential[secret=***, verification=" + verification.wireValue() + "]";
    }

    /** The schemes VAPI offers for a server URL, spelled as on accounts.v1's {@code verification}. */
    public enum Verification {
        /** A Bearer Token credential (or the legacy inline {@code secret}): the secret itself in a header. */
        SECRET_HEADER("secret-header"),
        /** An HMAC credential: HMAC-SHA256 over {@code <timestamp>.<raw body>} with a timestamp header. */
        HMAC_SHA256("hmac-sha256");

        private final String wireValue;

        Verification(String wireValue) {
            this.wireValue = wireValue;
        }

        public String wireValue() {
            return wireValue;
        }

        /** @throws IllegalArgumentException for a scheme we do not implement */
        public static Verification fromWire(String value) {
            for (Verification verification : values()) {
                if (verification.wireValue.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                    return verification;
                }
            }
            throw new IllegalArgumentException("unknown VAPI verification: " + value);
        }
    }
}
