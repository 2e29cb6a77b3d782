package io.switchboard.calllog.call.domain;

import java.time.Instant;
import java.util.Optional;

import io.switchboard.events.call.CallStatus;

/**
 * A validated search of the call log: optional filters, a half-open {@code [from, to)} window on
 * {@code startedAt}, and a page of {@code size} items ordered by {@code startedAt}, newest first.
 */
public record CallQuery(
        Optional<CallStatus> status,
        Optional<String> accountId,
        Optional<Instant> from,
        Optional<Instant> to,
        int page,
        int size) {

    /** The same search held to one account. */
    public CallQuery forAccount(String account) {
        return new CallQuery(status, Optional.of(account), from, to, page, size);
    }

    public long offset() {
        return (long) page * size;
    }
}
