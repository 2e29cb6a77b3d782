package io.switchboard.events.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a bearer token may do, from its {@code scope} claim. Tenant scopes act within the token's own
 * account; {@link #OPERATOR} is the platform's: reads across accounts and creating accounts.
 */
public enum Scope {
    CALLS_READ("calls:read"),
    /** Full phone numbers and recording and transcript content; without it numbers are masked. */
    CALLS_PII("calls:pii"),
    CALLS_WRITE("calls:write"),
    BILLING_READ("billing:read"),
    BILLING_WRITE("billing:write"),
    ACCOUNTS_ADMIN("accounts:admin"),
    OPERATOR("operator");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** As it appears in a token's {@code scope} claim. */
    public String value() {
        return value;
    }

    /** The Spring Security authority a token with this scope is granted. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> ofAuthority(String authority) {
        return Arrays.stream(values())
                .filter(scope -> scope.authority().equals(authority))
                .findFirst();
    }
}
