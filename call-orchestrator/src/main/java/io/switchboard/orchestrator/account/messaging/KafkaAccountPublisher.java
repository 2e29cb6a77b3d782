package io.switchboard.orchestrator.account.messaging;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountPublisher;
import org.springframework.stereotype.Component;

/** Publishes AccountConfigured to accounts.v1 in a transaction of its own, committed when this returns. */
@Component
class KafkaAccountPublisher implements AccountPublisher {

    private final EventPublisher events;

    KafkaAccountPublisher(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(Account account) {
        AccountConfigured payload = AccountEvents.toEvent(account);
        var event = OutgoingEvent.of(
                EventTypes.ACCOUNT_CONFIGURED,
                AccountEvents.eventId(payload),
                account.accountId(),
                account.configuredAt(),
                payload);
        events.inOwnTransaction(() -> events.publishAndWait(Topic.ACCOUNTS, account.accountId(), event));
    }
}
