package io.switchboard.calllog.audit.domain;

import reactor.core.publisher.Mono;

/** The audit trail as the call log keeps it: written by its listener, searched by operators. */
public interface AuditLog {

    /**
     * Stores the entry once, by its id: storing it again (a redelivery) changes nothing. Emits whether
     * it was new.
     */
    Mono<Boolean> store(AuditEntry entry);

    Mono<AuditPage> search(AuditQuery query);
}
