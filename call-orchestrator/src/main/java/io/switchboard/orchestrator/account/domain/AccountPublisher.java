package io.switchboard.orchestrator.account.domain;

/** Records an account's configuration durably (accounts.v1) before it takes effect. */
public interface AccountPublisher {

    /** Returns once the broker has committed it; throws {@link io.switchboard.events.kafka.PublishFailedException} otherwise. */
    void publish(Account account);
}
