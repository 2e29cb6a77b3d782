package io.switchboard.calllog.audit.messaging;

import java.time.Duration;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.audit.domain.AuditEntry;
import io.switchboard.calllog.audit.domain.AuditLog;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every audit entry of {@code audit.v1} in the audit collection, like the call log's other
 * listeners: at-least-once, the offset committed after the write, the write idempotent by event id. An
 * entry that can never be stored (bad signature, a producer that may not sign audits, no action, outcome,
 * resource or time) is dead-lettered by the shared error handler; a tombstone (unsigned) is refused; a MongoDB failure is retried while the
 * partition waits. An entry filed under another account than the one it names (key or subject) is refused:
 * logged, counted as {@code switchboard.events.refused}, not stored.
 */
@Component
class AuditListener {

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final EventEnvelopes envelopes;
    private final AuditLog auditLog;
    private final EventRefusals refusals;
    private final Duration writeTimeout;

    AuditListener(EventEnvelopes envelopes, AuditLog auditLog, EventRefusals refusals, CallLogProperties properties) {
        this.envelopes = envelopes;
        this.auditLog = auditLog;
        this.refusals = refusals;
        this.writeTimeout = properties.writeTimeout();
    }

    @KafkaListener(id = "call-log-audit", idIsGroup = false, topics = Topic.Names.AUDIT)
    void onAuditEntry(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.AUDIT_RECORDED)) {
            log.debug("Ignoring {} on {}", event.type(), record.topic());
            return;
        }
        AuditRecorded entry = event.as(EventTypes.AUDIT_RECORDED).payload();
        require(entry.action() != null && !entry.action().isBlank(), event, "action");
        require(entry.outcome() != null, event, "outcome");
        require(entry.resource() != null && !entry.resource().isBlank(), event, "resource");
        require(entry.occurredAt() != null, event, "occurredAt");
        Optional<Refusal> refusal = misfiled(record.key(), event.subject(), AuditTrail.keyOf(entry));
        if (refusal.isPresent()) {
            refusals.refuse(record, event.id(), refusal.get());
            return;
        }
        try (var accountId = MDC.putCloseable("accountId", entry.accountId())) {
            boolean stored = Boolean.TRUE.equals(
                    auditLog.store(toEntry(event.id(), entry, record.value())).block(writeTimeout));
            log.debug("Audit entry {} ({}) {}", event.id(), entry.action(), stored ? "stored" : "already stored");
        }
    }

    /** The record's key and signed subject must name the account the entry is about. */
    private static Optional<Refusal> misfiled(String key, String subject, String account) {
        if (!account.equals(key)) {
            return Optional.of(new Refusal(
                    Refusal.ACCOUNT_MISMATCH, "record key " + key + " is not the entry's account " + account));
        }
        if (!account.equals(subject)) {
            return Optional.of(new Refusal(
                    Refusal.SUBJECT_MISMATCH, "subject " + subject + " is not the entry's account " + account));
        }
        return Optional.empty();
    }

    private static AuditEntry toEntry(String id, AuditRecorded entry, CloudEvent event) {
        return new AuditEntry(
                id,
                entry.action(),
                entry.outcome().wireValue(),
                entry.subject(),
                entry.actorAccountId(),
                entry.accountId(),
                entry.resource(),
                entry.parts(),
                entry.changes(),
                entry.records(),
                entry.occurredAt(),
                event.getSource() == null ? null : event.getSource().toString());
    }

    private static void require(boolean present, ReceivedEvent<?> event, String what) {
        if (!present) {
            throw new RejectedEventException("event " + event.id() + " (" + event.type() + ") has no " + what);
        }
    }
}
