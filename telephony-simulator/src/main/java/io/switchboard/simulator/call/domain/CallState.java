package io.switchboard.simulator.call.domain;

import java.time.Instant;

/**
 * Where a call is now, replaced as a whole on every step so readers never see half an update.
 *
 * @param durationSeconds talk time, set once the call has ended
 */
public record CallState(
        CallStatus status, Instant dateUpdated, Instant startTime, Instant endTime, Integer durationSeconds) {

    static CallState created(CallStatus status, Instant at) {
        return new CallState(status, at, null, null, null);
    }

    CallState advance(CallStatus next, Instant at, int talkSeconds) {
        if (next == CallStatus.IN_PROGRESS) {
            return new CallState(next, at, at, null, null);
        }
        if (next.terminal()) {
            return new CallState(next, at, startTime, at, next == CallStatus.COMPLETED ? talkSeconds : 0);
        }
        return new CallState(next.resourceStatus(), at, startTime, endTime, durationSeconds);
    }
}
