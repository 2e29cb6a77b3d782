package io.switchboard.orchestrator.account.messaging;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.EventPublisher.Publication;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes AccountConfigured or AccountClosed to accounts.v1 and its audit entry to audit.v1 in a
 * transaction of their own, committed when this returns: a reader sees both or neither.
 */
@Component
class KafkaAccountPublisher implements AccountPublisher {

    private final EventPublisher events;
    private final AuditTrail audit;

    KafkaAccountPublisher(EventPublisher events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
    }

    @Override
    public void publish(Account account, AuditRecorded entry) {
        AccountConfigured payload = AccountEvents.toEvent(account);
        var event = OutgoingEvent.of(
                EventTypes.ACCOUNT_CONFIGURED,
                AccountEvents.eventId(payload),
                account.accountId(),
                account.configuredAt(),
                payload);
        events.inOwnTransaction(() -> events.publishAllAndWait(
                new Publication(Topic.ACCOUNTS, account.accountId(), event), AuditTrail.publication(entry)));
    }

    /**
     * The id names the account and the revision it is closed at: a DELETE retried after a failed commit
     * closes at the same revision and is the same fact.
     */
    @Override
    public void publishClosed(AccountClosed closed, AuditRecorded entry) {
        var event = OutgoingEvent.of(
                EventTypes.ACCOUNT_CLOSED,
                EventIds.of("account-closed", closed.accountId(), String.valueOf(closed.revision())),
                closed.accountId(),
                closed.closedAt(),
                closed);
        events.inOwnTransaction(() -> events.publishAllAndWait(
                new Publication(Topic.ACCOUNTS, closed.accountId(), event), AuditTrail.publication(entry)));
    }

    @Override
    public void publishAudit(AuditRecorded entry) {
        audit.record(entry);
    }
}
