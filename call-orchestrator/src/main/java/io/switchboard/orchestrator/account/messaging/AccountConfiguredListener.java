package io.switchboard.orchestrator.account.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows accounts.v1 so that every instance sees configurations written through any instance.
 * Each instance reads the whole topic in a group of its own, from the beginning on every start; re-reading
 * an older configuration is harmless because the directory keeps the newest per account (highest
 * revision), so an older one is passed over here without being counted: the start-up replay
 * ({@link AccountDirectoryLoader}) counts the ones re-produced after a newer one. A tombstone is signed by nobody, so
 * it deletes nothing: it is refused and counted ({@code switchboard.events.refused{reason=unsigned-tombstone}}).
 * An account is deleted only by the orchestrator's signed AccountClosed.
 */
@Component
class AccountConfiguredListener {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguredListener.class);

    private final EventEnvelopes envelopes;
    private final AccountDirectory directory;
    private final EventRefusals refusals;

    AccountConfiguredListener(EventEnvelopes envelopes, AccountDirectory directory, EventRefusals refusals) {
        this.envelopes = envelopes;
        this.directory = directory;
        this.refusals = refusals;
    }

    @KafkaListener(
            id = "account-directory",
            groupId = "${spring.application.name}-directory-${random.uuid}",
            topics = Topic.Names.ACCOUNTS)
    void on(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (event.is(EventTypes.ACCOUNT_CONFIGURED)) {
            applyTo(directory, event.as(EventTypes.ACCOUNT_CONFIGURED).payload());
        } else if (event.is(EventTypes.ACCOUNT_CLOSED)) {
            closeIn(directory, event.as(EventTypes.ACCOUNT_CLOSED).payload());
        }
    }

    /** @return false when the closing is older than the account's current configuration, and was not applied */
    static boolean closeIn(AccountDirectory directory, AccountClosed closed) {
        if (closed.accountId() == null) {
            log.warn("Skipping an AccountClosed without account id");
            return true;
        }
        boolean applied = directory.close(closed.accountId(), closed.revision());
        if (!applied) {
            log.debug(
                    "Passing over the closing of account {} at revision {}: a newer configuration is applied",
                    closed.accountId(),
                    closed.revision());
        }
        return applied;
    }

    /** @return false when the configuration is older than the account's current one, and was not applied */
    static boolean applyTo(AccountDirectory directory, AccountConfigured configured) {
        if (configured.accountId() == null || configured.configuredAt() == null) {
            log.warn("Skipping an AccountConfigured without account id or time");
            return true;
        }
        boolean applied = directory.apply(AccountEvents.toAccount(configured));
        if (!applied) {
            log.debug(
                    "Passing over revision {} of account {}: a newer one is applied",
                    configured.revisionOrZero(),
                    configured.accountId());
        }
        return applied;
    }
}
