package io.switchboard.ingress.account.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.ingress.account.domain.AccountCredentials;
import io.switchboard.ingress.account.domain.AccountDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one accounts.v1 record to the directory: an AccountConfigured replaces the account's
 * credentials (it is a full snapshot), a tombstone removes the account. Records that fail
 * verification (skipped and counted, {@link SkippedRecords}), or whose key is not the account they
 * describe, change nothing.
 */
class AccountsUpdater {

    private static final Logger log = LoggerFactory.getLogger(AccountsUpdater.class);

    private final EventEnvelopes envelopes;
    private final CredentialOpener opener;
    private final AccountDirectory directory;
    private final SkippedRecords skipped;

    AccountsUpdater(
            EventEnvelopes envelopes, CredentialOpener opener, AccountDirectory directory, SkippedRecords skipped) {
        this.envelopes = envelopes;
        this.opener = opener;
        this.directory = directory;
        this.skipped = skipped;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                directory.remove(record.key());
                log.atInfo().addKeyValue("accountId", record.key()).log("Account {} removed", record.key());
            }
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
        AccountCredentials credentials = opener.open(configured);
        directory.put(credentials);
        log.atDebug()
                .addKeyValue("accountId", configured.accountId())
                .log(
                        "Account {} configured with credentials for {}",
                        configured.accountId(),
                        credentials.usable().keySet());
    }
}
