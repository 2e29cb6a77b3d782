package io.switchboard.ingress.provider.vapi.domain;

/** Why a VAPI server message was not accepted as coming from VAPI; the tag names it in metrics and answers. */
public enum VapiRejection {
    MISSING_SECRET("missing-secret", true),
    SECRET_MISMATCH("secret-mismatch", false),
    MISSING_SIGNATURE("missing-signature", true),
    MISSING_TIMESTAMP("missing-timestamp", true),
    BAD_TIMESTAMP("bad-timestamp", false),
    STALE_TIMESTAMP("stale-timestamp", false),
    SIGNATURE_MISMATCH("signature-mismatch", false);

    private final String tag;
    private final boolean missing;

    VapiRejection(String tag, boolean missing) {
        this.tag = tag;
        this.missing = missing;
    }

    public String tag() {
        return tag;
    }

    /** True when the request carried no credential at all (401), false when it carried a wrong one (403). */
    public boolean missing() {
        return missing;
    }
}
