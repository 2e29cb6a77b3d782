package io.switchboard.dialer.pacing.messaging;

import io.switchboard.dialer.pacing.domain.PacingLog;
import io.switchboard.dialer.placement.messaging.DialerEventPublisher;
import io.switchboard.dialer.placement.messaging.RequestOrigin;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.topic.Topic;
import org.springframework.stereotype.Component;

/**
 * The pacer's steps, each committed in a transaction of its own. An outcome goes out with everything that
 * follows from it: the call's {@code CallPlaced} or the request's rejection for everyone, the request's
 * outcome for its publisher, and the same event to the account's owner on {@code dialer-requests.v1}, who
 * settles the request's intent and hold with it.
 */
@Component
class PacingPublisher implements PacingLog {

    private final DialerEventPublisher publisher;

    PacingPublisher(DialerEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void dialing(QueuedCallRecorded dialing) {
        publisher.inOwnTransaction(() -> publisher.queueStep(dialing));
    }

    @Override
    public void placed(QueuedCallRecorded placed, CallPlaced event) {
        publisher.inOwnTransaction(() -> {
            publisher.queueStep(placed);
            publisher.toRequestOwner(placed.accountId(), publisher.placed(event));
        });
    }

    @Override
    public void rejected(QueuedCallRecorded rejected, CallRequestRejected rejection) {
        var origin = new RequestOrigin(rejected.requestId(), Topic.DIALER_QUEUE.topicName(), -1, -1);
        publisher.inOwnTransaction(() -> {
            publisher.queueStep(rejected);
            publisher.toRequestOwner(rejected.accountId(), publisher.rejected(origin, rejection));
        });
    }

    @Override
    public void deferred(QueuedCallRecorded deferred) {
        publisher.inOwnTransaction(() -> publisher.queueStep(deferred));
    }
}
