package io.switchboard.dialer.pacing.domain;

import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.QueuedCallRecorded;

/**
 * Where a queued request's steps are kept ({@code dialer-queue.v1}, keyed by its provider account) and told.
 * Each method commits before it returns, in a transaction of its own, or throws.
 */
public interface PacingLog {

    /** Committed before the provider is asked: a new owner reconciles instead of dialing again. */
    void dialing(QueuedCallRecorded dialing);

    /** The step, the call's {@code CallPlaced}, and the request's owner told, together. */
    void placed(QueuedCallRecorded placed, CallPlaced event);

    /** The step, the rejection, and the request's owner told (its hold ends), together. */
    void rejected(QueuedCallRecorded rejected, CallRequestRejected rejection);

    void deferred(QueuedCallRecorded deferred);
}
