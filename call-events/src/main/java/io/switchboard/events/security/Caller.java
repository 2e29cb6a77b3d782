package io.switchboard.events.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling an API, from a verified bearer token: the account the token acts for (absent for a
 * platform operator's token that holds none) and its scopes. Controllers take it as a parameter and
 * never read an account from the request for authority.
 *
 * @param subject   the token's {@code sub}, for audit records
 * @param accountId the token's account claim, or null
 */
public record Caller(String subject, String accountId, Set<Scope> scopes) {

    public Caller {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isOperator() {
        return has(Scope.OPERATOR);
    }

    /** Whether this caller's token was issued for the account: the only account a tenant scope acts on. */
    public boolean actsFor(String account) {
        return accountId != null && accountId.equals(account);
    }

    /** Whether this caller may read the account's resources: its own, or any for an operator. */
    public boolean mayRead(String account) {
        return actsFor(account) || isOperator();
    }
}
