package io.switchboard.dialer.account.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.events.account.Credential;

/**
 * What the dialer knows of an account from accounts.v1: the numbers it may call from (E.164, normalized),
 * its assistants, and its opened provider credentials. A credential that is configured but could not be
 * opened here (a sealing key this instance does not hold yet) is {@code unusable}: the account's calls wait
 * for it rather than being refused.
 */
public record DialingAccount(
        String accountId,
        Set<String> numbers,
        Set<String> assistantIds,
        Map<String, Credential> credentials,
        Set<String> unusable) {

    public DialingAccount {
        numbers = Set.copyOf(numbers);
        assistantIds = Set.copyOf(assistantIds);
        credentials = Map.copyOf(credentials);
        unusable = Set.copyOf(unusable);
    }

    public Optional<Credential> credential(String provider) {
        return Optional.ofNullable(credentials.get(provider));
    }

    public boolean ownsNumber(String number) {
        return PhoneNumbers.normalized(number).map(numbers::contains).orElse(false);
    }
}
