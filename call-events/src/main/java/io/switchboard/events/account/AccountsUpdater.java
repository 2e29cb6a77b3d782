package io.switchboard.events.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.FollowedRecords;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one accounts.v1 record to a service's view of its accounts ({@link AccountSink}): an
 * AccountConfigured replaces the account (it is a full snapshot). Records that fail verification, including one signed by a
 * trusted key of a service other than the orchestrator (skipped and counted, {@link SkippedRecords}),
 * whose key is not the account they describe, or without a value change nothing. A tombstone is
 * signed by nobody, so anyone who can write the topic could write one: it is refused and counted
 * ({@link EventRefusals}, {@code unsigned-tombstone}), and the account stays. An account is deleted
 * only by the orchestrator's signed AccountClosed: the account is removed, and its closing revision kept.
 *
 * <p>A configuration older than the account's current one (a lower revision, or the same revision
 * configured earlier), such as an old signed record re-produced to the topic to bring back a revoked
 * token, is refused too ({@code stale-snapshot}); so is one at or below the revision the account was
 * closed at (it would bring a deleted account back), and a closing older than the configuration applied.
 * Called from the follower's one thread only.
 */
public final class AccountsUpdater {

    private static final Logger log = LoggerFactory.getLogger(AccountsUpdater.class);

    private final FollowedRecords records;
    private final AccountSink sink;
    private final EventRefusals refusals;
    private final Map<String, Version> applied = new HashMap<>();

    public AccountsUpdater(EventEnvelopes envelopes, AccountSink sink, SkippedRecords skipped, EventRefusals refusals) {
        this.records = new FollowedRecords(envelopes, skipped, refusals);
        this.sink = sink;
        this.refusals = refusals;
    }

    public void apply(ConsumerRecord<String, CloudEvent> record) {
        Optional<ReceivedEvent<Object>> verified = records.verified(record);
        if (verified.isEmpty()) {
            return;
        }
        ReceivedEvent<Object> event = verified.get();
        if (event.is(EventTypes.ACCOUNT_CONFIGURED)) {
            configure(
                    record, event.id(), event.as(EventTypes.ACCOUNT_CONFIGURED).payload());
        } else if (event.is(EventTypes.ACCOUNT_CLOSED)) {
            close(record, event.id(), event.as(EventTypes.ACCOUNT_CLOSED).payload());
        }
    }

    private void configure(ConsumerRecord<String, CloudEvent> record, String eventId, AccountConfigured configured) {
        if (!isKeyedByItsAccount(record, configured.accountId())) {
            return;
        }
        Version current = applied.get(configured.accountId());
        boolean older = current != null
                && (current.closed()
                        ? configured.revisionOrZero() <= current.revision()
                        : configured.isOlderThan(current.revision(), current.at()));
        if (older) {
            refuseStale(
                    record,
                    eventId,
                    "revision " + configured.revisionOrZero() + " (configured at " + configured.configuredAt()
                            + ") of account " + configured.accountId() + " is older than " + current);
            return;
        }
        sink.configured(configured);
        applied.put(configured.accountId(), new Version(configured.revisionOrZero(), configured.configuredAt(), false));
        log.atDebug()
                .addKeyValue("accountId", configured.accountId())
                .log("Account {} configured at revision {}", configured.accountId(), configured.revisionOrZero());
    }

    /** A closing wins over a configuration of its own revision; the same closing again changes nothing. */
    private void close(ConsumerRecord<String, CloudEvent> record, String eventId, AccountClosed closed) {
        if (!isKeyedByItsAccount(record, closed.accountId())) {
            return;
        }
        Version current = applied.get(closed.accountId());
        if (current != null && closed.revision() < current.revision()) {
            refuseStale(
                    record,
                    eventId,
                    "the closing of account " + closed.accountId() + " at revision " + closed.revision()
                            + " is older than " + current);
            return;
        }
        sink.closed(closed.accountId());
        applied.put(closed.accountId(), new Version(closed.revision(), closed.closedAt(), true));
        log.atDebug().addKeyValue("accountId", closed.accountId()).log("Account {} closed", closed.accountId());
    }

    private static boolean isKeyedByItsAccount(ConsumerRecord<String, CloudEvent> record, String accountId) {
        if (accountId != null && accountId.equals(record.key())) {
            return true;
        }
        log.warn(
                "Skipping {}-{}@{}: its key {} is not its account id {}",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                accountId);
        return false;
    }

    private void refuseStale(ConsumerRecord<String, CloudEvent> record, String eventId, String detail) {
        refusals.refuse(record, eventId, new Refusal(Refusal.STALE_SNAPSHOT, detail));
    }

    /** Where the configurations and closings that survive the checks go: a service's view of its accounts. */
    public interface AccountSink {

        /** The account's configuration as a whole, newer than any applied before. */
        void configured(AccountConfigured configured);

        /** The account was closed: from now on it is unknown. */
        void closed(String accountId);
    }

    /** The revision and time of the configuration or closing applied last for an account. */
    private record Version(long revision, Instant at, boolean closed) {

        @Override
        public String toString() {
            return (closed ? "the closing at revision " : "revision ") + revision + " (at " + at + ") already applied";
        }
    }
}
