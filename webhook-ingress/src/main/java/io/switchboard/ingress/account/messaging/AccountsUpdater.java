package io.switchboard.ingress.account.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.ingress.account.domain.AccountCredentials;
import io.switchboard.ingress.account.domain.AccountDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one accounts.v1 record to the directory: an AccountConfigured replaces the account's
 * credentials (it is a full snapshot). Records that fail verification, including one signed by a
 * trusted key of a service other than the orchestrator (skipped and counted, {@link SkippedRecords}),
 * whose key is not the account they describe, or without a value change nothing. A tombstone is
 * signed by nobody, so anyone who can write the topic could write one: it is refused and counted
 * ({@link EventRefusals}, {@code unsigned-tombstone}), and the account stays. Deleting an account
 * would take a signed event of the orchestrator, which does not exist yet.
 *
 * <p>A configuration older than the account's current one (a lower revision, or the same revision
 * configured earlier), such as an old signed record re-produced to the topic to bring back a revoked
 * token, is refused too ({@code stale-snapshot}). Called from the follower's one thread only.
 */
class AccountsUpdater {

    private static final Logger log = LoggerFactory.getLogger(AccountsUpdater.class);

    private final EventEnvelopes envelopes;
    private final CredentialOpener opener;
    private final AccountDirectory directory;
    private final SkippedRecords skipped;
    private final EventRefusals refusals;
    private final Map<String, Version> applied = new HashMap<>();

    AccountsUpdater(
            EventEnvelopes envelopes,
            CredentialOpener opener,
            AccountDirectory directory,
            SkippedRecords skipped,
            EventRefusals refusals) {
        this.envelopes = envelopes;
        this.opener = opener;
        this.directory = directory;
        this.skipped = skipped;
        this.refusals = refusals;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event;
        try {
            event = envelopes.unwrap(record.value());
        } catch (RejectedEventException e) {
            skipped.skip(
                    record.topic(), record.partition(), record.offset(), SkippedRecords.UNVERIFIABLE, e.getMessage());
            return;
        }
        if (!event.is(EventTypes.ACCOUNT_CONFIGURED)) {
            return;
        }
        AccountConfigured configured = event.as(EventTypes.ACCOUNT_CONFIGURED).payload();
        if (configured.accountId() == null || !configured.accountId().equals(record.key())) {
            log.warn(
                    "Skipping {}-{}@{}: its key {} is not its account id {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    configured.accountId());
            return;
        }
        Version current = applied.get(configured.accountId());
        if (current != null && configured.isOlderThan(current.revision(), current.configuredAt())) {
            refusals.refuse(
                    record,
                    event.id(),
                    new Refusal(
                            Refusal.STALE_SNAPSHOT,
                            "revision " + configured.revisionOrZero() + " (configured at " + configured.configuredAt()
                                    + ") of account " + configured.accountId() + " is older than revision "
                                    + current.revision() + " (configured at " + current.configuredAt()
                                    + ") already applied"));
            return;
        }
        AccountCredentials credentials = opener.open(configured);
        directory.put(credentials);
        applied.put(configured.accountId(), new Version(configured.revisionOrZero(), configured.configuredAt()));
        log.atDebug()
                .addKeyValue("accountId", configured.accountId())
                .log(
                        "Account {} configured with credentials for {}",
                        configured.accountId(),
                        credentials.usable().keySet());
    }

    /** The revision and time of the configuration applied last for an account. */
    private record Version(long revision, Instant configuredAt) {}
}
