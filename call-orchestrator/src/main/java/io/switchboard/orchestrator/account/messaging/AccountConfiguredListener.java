package io.switchboard.orchestrator.account.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows accounts.v1 so that every instance sees configurations written through any instance.
 * Each instance reads the whole topic in a group of its own; re-reading an older configuration is
 * harmless because the directory keeps the newest per account.
 */
@Component
class AccountConfiguredListener {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguredListener.class);

    private final EventEnvelopes envelopes;
    private final AccountDirectory directory;

    AccountConfiguredListener(EventEnvelopes envelopes, AccountDirectory directory) {
        this.envelopes = envelopes;
        this.directory = directory;
    }

    @KafkaListener(
            id = "account-directory",
            groupId = "${spring.application.name}-directory-${random.uuid}",
            topics = Topic.Names.ACCOUNTS)
    void on(ConsumerRecord<String, CloudEvent> record) {
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (event.is(EventTypes.ACCOUNT_CONFIGURED)) {
            applyTo(directory, event.as(EventTypes.ACCOUNT_CONFIGURED).payload());
        }
    }

    static void applyTo(AccountDirectory directory, AccountConfigured configured) {
        if (configured.accountId() == null || configured.configuredAt() == null) {
            log.warn("Skipping an AccountConfigured without account id or time");
            return;
        }
        directory.apply(AccountEvents.toAccount(configured));
    }
}
