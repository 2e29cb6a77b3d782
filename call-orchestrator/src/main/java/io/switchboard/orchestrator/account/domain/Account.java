package io.switchboard.orchestrator.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An account's numbers and assistants, as last configured. */
public record Account(
        String accountId,
        String name,
        List<AccountNumber> numbers,
        List<Assistant> assistants,
        Instant configuredAt) {

    public Account {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        assistants = assistants == null ? List.of() : List.copyOf(assistants);
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
