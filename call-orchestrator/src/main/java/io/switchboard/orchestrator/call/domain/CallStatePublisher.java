package io.switchboard.orchestrator.call.domain;

/** Publishes a call's snapshot after a new status or timeline step, within the current transaction. */
public interface CallStatePublisher {

    /** Returns once the broker has the record; throws if it cannot take it. */
    void publish(int partition, Call call);
}
