package io.switchboard.events.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.EventPublisher.Publication;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.security.Caller;
import io.switchboard.events.topic.Topic;

/**
 * Records audit entries ({@link AuditRecorded}) on {@code switchboard.audit.v1}, signed like every
 * event, keyed and subject by the account acted on. An entry is never lost silently: inside a Kafka
 * transaction it commits or aborts with the change it records; outside one, {@link #record} returns only
 * once the broker holds it and throws {@link PublishFailedException} otherwise, and the caller must not
 * answer as if the act had been audited (the APIs answer 503).
 *
 * <p>An entry records one act, which never happens twice: its id is minted once, when it is recorded
 * (a version-5 id over a random UUID), so a redelivered record is stored once and two identical
 * requests are two entries.
 */
public final class AuditTrail {

    /** Key and subject of an entry that names no account (an operator's search of every account that read nothing). */
    public static final String NO_ACCOUNT = "*";

    private final EventPublisher events;
    private final Clock clock;

    public AuditTrail(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Now, by the trail's clock: when to say an act was decided. */
    public Instant now() {
        return clock.instant();
    }

    /** Stores the entries, in the caller's Kafka transaction if there is one; blocking, at most the publish timeout. */
    public void record(AuditRecorded... entries) {
        record(List.of(entries));
    }

    public void record(List<AuditRecorded> entries) {
        if (entries.isEmpty()) {
            return;
        }
        events.publishCommitted(entries.stream().map(AuditTrail::publication).toArray(Publication[]::new));
    }

    /** A request {@code caller} made that the service refused on account grounds. */
    public void recordDenied(Caller caller, AuditAction action, String resource, String accountId) {
        record(AuditRecorded.by(caller, action, now())
                .account(accountId)
                .resource(resource)
                .denied());
    }

    /** The entry as one event of a batch, for a publisher that sends it with the change it records. */
    public static Publication publication(AuditRecorded entry) {
        String key = keyOf(entry);
        return new Publication(
                Topic.AUDIT,
                key,
                OutgoingEvent.of(
                        EventTypes.AUDIT_RECORDED,
                        EventIds.of("audit", UUID.randomUUID().toString()),
                        key,
                        entry.occurredAt(),
                        entry));
    }

    /** The record key and subject of an entry: the account it is about, or {@link #NO_ACCOUNT}. */
    public static String keyOf(AuditRecorded entry) {
        return entry.accountId() == null ? NO_ACCOUNT : entry.accountId();
    }
}
