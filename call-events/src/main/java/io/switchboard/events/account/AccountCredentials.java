package io.switchboard.events.account;

import java.util.Map;
import java.util.Set;

/**
 * What the ingress knows of one account: its opened credentials by provider, and the providers
 * whose credential is configured but could not be opened (unknown key, altered, malformed).
 */
public record AccountCredentials(String accountId, Map<String, Credential> usable, Set<String> unusable) {

    public AccountCredentials {
        usable = Map.copyOf(usable);
        unusable = Set.copyOf(unusable);
    }
}
