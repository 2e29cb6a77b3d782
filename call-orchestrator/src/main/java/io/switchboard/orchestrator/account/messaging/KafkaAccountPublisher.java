package io.switchboard.orchestrator.account.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountPublishException;
import io.switchboard.orchestrator.account.domain.AccountPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Publishes AccountConfigured to accounts.v1 in a transaction of its own (the template is transactional). */
@Component
class KafkaAccountPublisher implements AccountPublisher {

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventEnvelopes envelopes;
    private final AccountsProperties properties;

    KafkaAccountPublisher(KafkaTemplate<String, CloudEvent> template, EventEnvelopes envelopes,
            AccountsProperties properties) {
        this.template = template;
        this.envelopes = envelopes;
        this.properties = properties;
    }

    @Override
    public void publish(Account account) {
        AccountConfigured payload = AccountEvents.toEvent(account);
        CloudEvent event = envelopes.wrap(EventTypes.ACCOUNT_CONFIGURED, AccountEvents.eventId(payload),
                account.accountId(), account.configuredAt(), payload);
        try {
            // The commit at the end of executeInTransaction flushes; the future then tells whether the
            // record itself made it.
            CompletableFuture<SendResult<String, CloudEvent>> sent = template.executeInTransaction(
                    operations -> operations.send(Topic.ACCOUNTS.topicName(), account.accountId(), event));
            sent.get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountPublishException("Interrupted publishing account " + account.accountId(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new AccountPublishException("Could not publish account " + account.accountId(), e);
        }
    }
}
