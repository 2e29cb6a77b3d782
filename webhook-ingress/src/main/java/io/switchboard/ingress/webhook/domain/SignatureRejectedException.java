package io.switchboard.ingress.webhook.domain;

/** A webhook whose signature is missing or wrong. The message never holds the signature or a secret. */
public class SignatureRejectedException extends RuntimeException {

    private final Reason reason;

    public SignatureRejectedException(String provider, String accountId, Reason reason) {
        super(provider + " webhook for account " + accountId + " rejected: " + reason.tag());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        MISSING("missing-signature"),
        MISMATCH("signature-mismatch");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        /** The reason as a metric tag and in the response body. */
        public String tag() {
            return tag;
        }
    }
}
