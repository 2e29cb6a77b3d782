package io.switchboard.ingress.webhook.domain;

/**
 * A webhook whose credential is missing or wrong. The message never holds the signature or a
 * secret, only the reason's tag, which names it in metrics and in the answer.
 */
public class SignatureRejectedException extends RuntimeException {

    private final String provider;
    private final String reason;
    private final boolean unauthenticated;

    /**
     * @param reason          the failure as a tag, e.g. {@code signature-mismatch}
     * @param unauthenticated true when the provider's scheme is a bearer credential and the request carried
     *                        none (401); false when it carried a wrong one or the scheme is a signature (403)
     */
    public SignatureRejectedException(String provider, String accountId, String reason, boolean unauthenticated) {
        super(provider + " webhook for account " + accountId + " rejected: " + reason);
        this.provider = provider;
        this.reason = reason;
        this.unauthenticated = unauthenticated;
    }

    public SignatureRejectedException(String provider, String accountId, Reason reason) {
        this(provider, accountId, reason.tag(), false);
    }

    public String provider() {
        return provider;
    }

    /** The reason as a metric tag and in the response body. */
    public String reason() {
        return reason;
    }

    public boolean unauthenticated() {
        return unauthenticated;
    }

    /** The reasons shared by signature schemes (Twilio's X-Twilio-Signature). */
    public enum Reason {
        /** No signature header. */
        MISSING("missing-signature"),
        /** The signature does not match the URL and fields with the account's secret. */
        MISMATCH("signature-mismatch"),
        /** The signature matches, but the body is not the one it vouches for (Twilio's {@code bodySHA256}). */
        BODY_HASH("body-hash-mismatch"),
        /** Validly signed, but for another provider account than the one in the path. */
        ACCOUNT_MISMATCH("account-mismatch");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
