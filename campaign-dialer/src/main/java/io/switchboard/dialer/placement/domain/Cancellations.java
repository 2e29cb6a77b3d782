package io.switchboard.dialer.placement.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.dialer.QueuedCallRecorded;
import org.springframework.stereotype.Service;

/**
 * Decides, at the account's owner, what a caller's cancellation of a request can still change: a scheduled
 * request (or a recurring series) is cancelled at once, and one not received yet is marked so that it is refused
 * when it arrives; a queued one is taken out of its provider account's queue by that queue's owner, which rejects
 * it unless its dialing has begun; a request placed, rejected or settled stays as it is.
 */
@Service
public class Cancellations {

    private final DialIntents intents;
    private final Clock clock;

    public Cancellations(DialIntents intents, Clock clock) {
        this.intents = intents;
        this.clock = clock;
    }

    public Cancellation cancel(int partition, CallRequestCancelled cancelled) {
        Instant now = clock.instant();
        String reason = "cancelled by " + (cancelled.cancelledBy() == null ? "a caller" : cancelled.cancelledBy())
                + " at " + cancelled.cancelledAt();
        Optional<DialIntentRecorded> known = intents.of(partition, cancelled.accountId(), cancelled.requestId());
        if (known.isEmpty()) {
            return new Cancellation.Cancelled(
                    DialIntentRecorded.cancelledBeforeReceived(
                            cancelled.accountId(), cancelled.requestId(), reason, now),
                    false);
        }
        DialIntentRecorded intent = known.get();
        return switch (intent.state()) {
            case SCHEDULED -> new Cancellation.Cancelled(intent.unscheduled(State.CANCELLED, reason, now), true);
            case INTENDED ->
                intent.providerAccount() == null
                        ? new Cancellation.Unchanged(intent.state())
                        : new Cancellation.Unqueued(QueuedCallRecorded.cancelled(
                                intent.requestId(), intent.accountId(), intent.providerAccount(), reason, now));
            case PLACED, REJECTED, ENDED, CANCELLED -> new Cancellation.Unchanged(intent.state());
        };
    }

    /** What a cancellation does. */
    public sealed interface Cancellation {

        /**
         * Record {@code intent}: the request will not be dialed. One not {@code received} yet is refused when it
         * arrives, and only then does its publisher hear of it: a cancellation names no request of its own.
         */
        record Cancelled(DialIntentRecorded intent, boolean received) implements Cancellation {}

        /** Tell the queue's owner: it rejects the request unless its dialing has begun. */
        record Unqueued(QueuedCallRecorded step) implements Cancellation {}

        /** Too late, or done already: the request is {@code state}. */
        record Unchanged(State state) implements Cancellation {}
    }
}
