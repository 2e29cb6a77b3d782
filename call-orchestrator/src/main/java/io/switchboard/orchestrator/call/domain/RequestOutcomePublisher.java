package io.switchboard.orchestrator.call.domain;

/**
 * Tells the publisher of a call request that its call has ended ({@code finished} on call-outcomes.v1),
 * within the current transaction: the one that publishes the call's first terminal snapshot.
 */
public interface RequestOutcomePublisher {

    /** {@code call} is terminal and names its request; returns once the broker has the record, throws if not. */
    void finished(Call call);
}
