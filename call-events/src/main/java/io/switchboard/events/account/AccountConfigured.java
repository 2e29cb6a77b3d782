package io.switchboard.events.account;

import java.time.Instant;
import java.util.List;

/** An account's configuration as a whole; {@code accounts.v1} is compacted by account id. */
public record AccountConfigured(
        String accountId,
        String name,
        List<PhoneNumber> numbers,
        List<Assistant> assistants,
        Instant configuredAt) {

    public AccountConfigured {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        assistants = assistants == null ? List.of() : List.copyOf(assistants);
    }

    /** A number the account owns (E.164) and the assistant that answers it. */
    public record PhoneNumber(String number, String assistantId) {
    }

    /** An AI assistant reached through a media stream. */
    public record Assistant(String assistantId, String name, String streamUrl) {
    }
}
