package io.switchboard.orchestrator.account.messaging;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the account directory from accounts.v1 at start-up. A lifecycle phase ahead of the web
 * server and the Kafka listeners (and after the catalogue's topics are created), so no routing
 * request or API call sees an empty directory, and the app reports ready only after it.
 */
@Component
class AccountDirectoryLoader implements SmartLifecycle {

    private final TopicReplayer replayer;
    private final AccountDirectory directory;
    private volatile boolean running;

    AccountDirectoryLoader(TopicReplayer replayer, AccountDirectory directory) {
        this.replayer = replayer;
        this.directory = directory;
    }

    @Override
    public void start() {
        replayer.replayAll(Topic.ACCOUNTS, this::apply);
        running = true;
    }

    private void apply(ReceivedEvent<Object> event) {
        if (event.is(EventTypes.ACCOUNT_CONFIGURED)) {
            AccountConfiguredListener.applyTo(
                    directory, event.as(EventTypes.ACCOUNT_CONFIGURED).payload());
        }
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
