package io.switchboard.events.kafka;

import java.time.Duration;

/** A topic a service keeps a view of in memory, as {@link TopicFollower} reads it. */
public interface FollowedTopic {

    /** A view no follower fills yet: never loaded, never current. */
    FollowedTopic NOT_FOLLOWED = new FollowedTopic() {
        @Override
        public boolean isLoaded() {
            return false;
        }

        @Override
        public boolean awaitCurrent(Duration timeout) {
            return false;
        }
    };

    /** Whether the records that were on the topic when the service started have all been applied. */
    boolean isLoaded();

    /**
     * Waits until every record committed to the topic before this call has been applied.
     *
     * @return false when that could not be done within {@code timeout}
     */
    boolean awaitCurrent(Duration timeout);
}
