package io.switchboard.calllog.audit.domain;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail as the call log keeps and serves it: an {@code AuditRecorded} event, by
 * its event id, with the service that recorded it.
 *
 * @param id     the event's id
 * @param source the recording service's CloudEvents source, e.g. {@code /switchboard/call-orchestrator}
 */
public record AuditEntry(
        String id,
        String action,
        String outcome,
        String subject,
        String actorAccountId,
        String accountId,
        String resource,
        List<String> parts,
        List<String> changes,
        Integer records,
        Instant occurredAt,
        String source) {

    public AuditEntry {
        parts = parts == null ? List.of() : List.copyOf(parts);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
