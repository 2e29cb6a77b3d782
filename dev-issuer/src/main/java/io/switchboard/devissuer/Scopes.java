package io.switchboard.devissuer;

import java.util.List;
import java.util.regex.Pattern;

/** The token contract the services rely on: the scopes there are, and what an account id looks like. */
public final class Scopes {

    /** Read calls of one's account. */
    public static final String CALLS_READ = "calls:read";
    /** See phone numbers unmasked, recordings and transcripts. */
    public static final String CALLS_PII = "calls:pii";
    /** Request calls. */
    public static final String CALLS_WRITE = "calls:write";
    /** Read one's wallet. */
    public static final String BILLING_READ = "billing:read";
    /** Top up one's wallet. */
    public static final String BILLING_WRITE = "billing:write";
    /** Read and update one's own account. */
    public static final String ACCOUNTS_ADMIN = "accounts:admin";
    /** The platform operator: create accounts, read across accounts. */
    public static final String OPERATOR = "operator";

    /** Every scope a token may carry; a request for any other is refused (invalid_scope). */
    public static final List<String> ALL =
            List.of(CALLS_READ, CALLS_PII, CALLS_WRITE, BILLING_READ, BILLING_WRITE, ACCOUNTS_ADMIN, OPERATOR);

    /** The same pattern account ids have everywhere in Switchboard. */
    public static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The token request parameter that becomes the {@code account} claim. */
    public static final String ACCOUNT = "account";

    private Scopes() {}
}
