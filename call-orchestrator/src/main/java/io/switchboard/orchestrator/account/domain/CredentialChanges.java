package io.switchboard.orchestrator.account.domain;

import java.util.Map;
import java.util.Set;

/**
 * What a PUT asks for each provider's credentials: set (new or the same secret), remove, or, for a
 * provider it does not mention, keep what the account has.
 *
 * @param set     secrets to store, by provider
 * @param removed providers whose credentials are dropped
 */
public record CredentialChanges(Map<String, ProviderSecret> set, Set<String> removed) {

    private static final CredentialChanges KEEP_ALL = new CredentialChanges(Map.of(), Set.of());

    public CredentialChanges {
        set = set == null ? Map.of() : Map.copyOf(set);
        removed = removed == null ? Set.of() : Set.copyOf(removed);
    }

    /** A PUT without {@code providers}: re-seeding numbers never wipes credentials. */
    public static CredentialChanges keepAll() {
        return KEEP_ALL;
    }
}
