package io.switchboard.calllog.audit.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A validated search of the audit trail: optional account and action, a half-open {@code [from, to)}
 * window on {@code occurredAt}, and a page of {@code size} entries, newest first.
 */
public record AuditQuery(
        Optional<String> accountId,
        Optional<String> action,
        Optional<Instant> from,
        Optional<Instant> to,
        int page,
        int size) {

    public long offset() {
        return (long) page * size;
    }
}
