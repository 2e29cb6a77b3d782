package io.switchboard.orchestrator.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An account's numbers, assistants and sealed provider credentials, as last configured.
 *
 * @param revision 1 for the account's first configuration, one more for each after it (0: configured before
 *                 revisions existed); a configuration of a lower revision never replaces a higher one
 */
public record Account(
        String accountId,
        String name,
        List<AccountNumber> numbers,
        List<Assistant> assistants,
        List<SealedCredential> credentials,
        Instant configuredAt,
        long revision) {

    public Account {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        assistants = assistants == null ? List.of() : List.copyOf(assistants);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** A configuration without a revision (0), as read from a record written before revisions existed. */
    public Account(
            String accountId,
            String name,
            List<AccountNumber> numbers,
            List<Assistant> assistants,
            List<SealedCredential> credentials,
            Instant configuredAt) {
        this(accountId, name, numbers, assistants, credentials, configuredAt, 0);
    }

    /** Whether this configuration is older than {@code other}: a lower revision, or the same one configured earlier. */
    boolean isOlderThan(Account other) {
        if (revision != other.revision) {
            return revision < other.revision;
        }
        return configuredAt.isBefore(other.configuredAt);
    }

    Optional<Assistant> assistant(String assistantId) {
        return assistants.stream()
                .filter(assistant -> assistant.assistantId().equals(assistantId))
                .findFirst();
    }

    Optional<Assistant> assistantFor(String number) {
        return numbers.stream()
                .filter(owned -> owned.number().equals(number))
                .findFirst()
                .flatMap(owned -> assistants.stream()
                        .filter(assistant -> assistant.assistantId().equals(owned.assistantId()))
                        .findFirst());
    }
}
