package io.switchboard.orchestrator.account.messaging;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the account directory from accounts.v1 at start-up. A lifecycle phase ahead of the web
 * server and the Kafka listeners (and after the catalogue's topics are created), so no routing
 * request or API call sees an empty directory, and the app reports ready only after it. A
 * configuration older than one read before it (a lower revision re-produced later, or one at or below
 * the revision the account was closed at) is refused and counted ({@code stale-snapshot}), as is a
 * closing older than the configuration read before it; tombstones are refused by the replay
 * ({@code unsigned-tombstone}).
 */
@Component
class AccountDirectoryLoader implements SmartLifecycle {

    private final TopicReplayer replayer;
    private final AccountDirectory directory;
    private final EventRefusals refusals;
    private volatile boolean running;

    AccountDirectoryLoader(TopicReplayer replayer, AccountDirectory directory, EventRefusals refusals) {
        this.replayer = replayer;
        this.directory = directory;
        this.refusals = refusals;
    }

    @Override
    public void start() {
        replayer.replayAllRecords(Topic.ACCOUNTS, this::apply);
        running = true;
    }

    private void apply(ConsumerRecord<String, byte[]> record, ReceivedEvent<Object> event) {
        if (event.is(EventTypes.ACCOUNT_CONFIGURED)) {
            AccountConfigured configured =
                    event.as(EventTypes.ACCOUNT_CONFIGURED).payload();
            if (!AccountConfiguredListener.applyTo(directory, configured)) {
                refuseStale(
                        record,
                        event,
                        "revision " + configured.revisionOrZero() + " of account " + configured.accountId()
                                + " is older than the configuration or closing read before it");
            }
        } else if (event.is(EventTypes.ACCOUNT_CLOSED)) {
            AccountClosed closed = event.as(EventTypes.ACCOUNT_CLOSED).payload();
            if (!AccountConfiguredListener.closeIn(directory, closed)) {
                refuseStale(
                        record,
                        event,
                        "the closing of account " + closed.accountId() + " at revision " + closed.revision()
                                + " is older than the configuration read before it");
            }
        }
    }

    private void refuseStale(ConsumerRecord<String, byte[]> record, ReceivedEvent<Object> event, String detail) {
        refusals.refuse(record, event.id(), new Refusal(Refusal.STALE_SNAPSHOT, detail));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
