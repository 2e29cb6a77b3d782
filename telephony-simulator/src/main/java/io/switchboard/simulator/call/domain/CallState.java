package io.switchboard.simulator.call.domain;

import java.time.Instant;

/**
 * Where a call is now, replaced as a whole on every step so readers never see half an update.
 *
 * @param startTime       when the call was dialed (Twilio: empty until then); an inbound call's when answered
 * @param durationSeconds talk time, set once the call has ended
 */
public record CallState(
        CallStatus status, Instant dateUpdated, Instant startTime, Instant endTime, Integer durationSeconds) {

    static CallState created(CallStatus status, Instant at) {
        return new CallState(status, at, null, null, null);
    }

    CallState advance(CallStatus next, Instant at, int talkSeconds) {
        Instant started =
                startTime == null && (next == CallStatus.INITIATED || next == CallStatus.IN_PROGRESS) ? at : startTime;
        if (next.terminal()) {
            return new CallState(next, at, started, at, next == CallStatus.COMPLETED ? talkSeconds : 0);
        }
        return new CallState(next.resourceStatus(), at, started, endTime, durationSeconds);
    }
}
