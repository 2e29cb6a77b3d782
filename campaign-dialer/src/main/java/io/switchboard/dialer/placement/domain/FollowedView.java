package io.switchboard.dialer.placement.domain;

import java.time.Duration;

import io.switchboard.events.kafka.FollowedTopic;

/**
 * How a view the dialer keeps of a topic every instance reads whole (accounts, wallets, do-not-call lists)
 * answers for its topic: nothing is decided from it before the topic was read, and a decision that refuses
 * something for what the view lacks first catches up with everything committed before it.
 */
public final class FollowedView {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

    private final String topicName;
    private volatile FollowedTopic topic = FollowedTopic.NOT_FOLLOWED;

    public FollowedView(String topicName) {
        this.topicName = topicName;
    }

    /** The follower that fills the view: what says whether it is loaded, and catches it up. */
    public void readFrom(FollowedTopic topic) {
        this.topic = topic;
    }

    public boolean isLoaded() {
        return topic.isLoaded();
    }

    /** @throws DialerNotReadyException before the topic was read to its end */
    public void requireLoaded() {
        if (!topic.isLoaded()) {
            throw new DialerNotReadyException(topicName + " is still being read");
        }
    }

    /**
     * Catches up with everything committed to the topic before this call.
     *
     * @throws DialerNotReadyException before the topic was read, or when it cannot be caught up with now
     */
    public void catchUp() {
        requireLoaded();
        if (!topic.awaitCurrent(CATCH_UP_TIMEOUT)) {
            throw new DialerNotReadyException("could not catch up with " + topicName + " within " + CATCH_UP_TIMEOUT);
        }
    }
}
