package io.switchboard.orchestrator.account.domain;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditRecorded;

/**
 * Records an account's configuration durably (accounts.v1) before it takes effect, together with its
 * audit entry (audit.v1). Failures surface as {@link io.switchboard.events.kafka.PublishFailedException}.
 */
public interface AccountPublisher {

    /** Both in one Kafka transaction: returns once the broker has committed them, else throws and neither is visible. */
    void publish(Account account, AuditRecorded audit);

    /** The closing and its audit entry in one Kafka transaction, as {@link #publish}. */
    void publishClosed(AccountClosed closed, AuditRecorded audit);

    /** An audit entry alone (a refused request); returns once the broker has it, else throws. */
    void publishAudit(AuditRecorded audit);
}
