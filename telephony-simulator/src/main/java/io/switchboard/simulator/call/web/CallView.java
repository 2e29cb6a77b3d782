package io.switchboard.simulator.call.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.switchboard.simulator.call.domain.CallDirection;
import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.VoiceAnswer;
import io.switchboard.simulator.webhook.DeliveryAttempt;

/**
 * The simulator's own view of a call, for tests and people: everything Twilio would not show.
 *
 * @param timeLimit   the longest the call may last once answered, as its creator asked (Twilio {@code TimeLimit}), or null
 * @param answeredBy  what machine detection reported, or null
 * @param voiceAnswer the TwiML the call got last (fetched or inline) with the stream it asked for
 * @param deliveries  every webhook attempt in the order they finished
 * @param queueTime   the wait estimated when it was created (the REST resource's {@code queue_time}), ms, or null
 * @param leftQueueAt when it left its account's calls-per-second queue and was dialed; null while it waits
 * @param queuedMillis how long it really waited in that queue, null while it waits or if it never left
 */
record CallView(
        String callSid,
        String accountSid,
        CallDirection direction,
        CallStatus status,
        String from,
        String to,
        Integer timeLimit,
        Integer durationSeconds,
        Instant dateCreated,
        Instant startTime,
        Instant endTime,
        String recordingSid,
        String answeredBy,
        VoiceAnswer voiceAnswer,
        List<DeliveryAttempt> deliveries,
        Long queueTime,
        Instant leftQueueAt,
        Long queuedMillis) {

    static CallView of(SimulatedCall call) {
        CallState state = call.state();
        return new CallView(
                call.sid(),
                call.spec().accountSid(),
                call.spec().direction(),
                state.status(),
                call.spec().from(),
                call.spec().to(),
                call.spec().timeLimit(),
                state.durationSeconds(),
                call.dateCreated(),
                state.startTime(),
                state.endTime(),
                call.recordingSid(),
                call.answeredBy(),
                call.voiceAnswer(),
                call.deliveries(),
                call.queueTime() == null ? null : call.queueTime().toMillis(),
                call.leftQueueAt(),
                call.leftQueueAt() == null
                        ? null
                        : Duration.between(call.dateCreated(), call.leftQueueAt())
                                .toMillis());
    }
}
