package io.switchboard.dialer.placement.domain;

import io.switchboard.events.dialer.DialIntentRecorded;

/** Where intents are kept: {@code dialer-intents.v1}, on the partition number of the account's requests. */
public interface IntentLog {

    /**
     * Commits {@code intent} in a transaction of its own before returning, whatever transaction the caller
     * is in: the provider must not be asked for a call whose intent could still be rolled back.
     */
    void intend(int partition, DialIntentRecorded intent);
}
