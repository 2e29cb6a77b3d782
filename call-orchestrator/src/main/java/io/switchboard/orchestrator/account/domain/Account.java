package io.switchboard.orchestrator.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An account's numbers, assistants and sealed provider credentials, as last configured. */
public record Account(
        String accountId,
        String name,
        List<AccountNumber> numbers,
        List<Assistant> assistants,
        List<SealedCredential> credentials,
        Instant configuredAt) {

    public Account {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        assistants = assistants == null ? List.of() : List.copyOf(assistants);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
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
