package io.switchboard.simulator.call.progress;

import java.time.Duration;

/** The account's call queue already holds more than {@code max-queue-time} of calls: Twilio's 22005. */
public class CallQueueFullException extends RuntimeException {

    public CallQueueFullException(Duration wait, Duration maxQueueTime) {
        super(
                "Call Queue Full: the call would wait " + wait.toMillis() + " ms, more than the "
                        + maxQueueTime.toMillis() + " ms allowed",
                null,
                false,
                false);
    }
}
