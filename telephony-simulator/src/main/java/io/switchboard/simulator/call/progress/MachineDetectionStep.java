package io.switchboard.simulator.call.progress;

import io.switchboard.simulator.call.domain.MachineDetection;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.outcome.AnsweredBy;
import reactor.core.publisher.Mono;

/**
 * Answering machine detection when a call is answered. The party comes from the outcome rule; synchronous
 * detection hands AnsweredBy to the voice fetch, asynchronous detection reports it one step later to
 * AsyncAmdStatusCallback.
 *
 * @param answeredBy for the voice fetch: set for synchronous detection only
 * @param callback   the asynchronous AMD callback to deliver, or empty
 */
record MachineDetectionStep(String answeredBy, Mono<Void> callback) {

    private static final MachineDetectionStep NONE = new MachineDetectionStep(null, Mono.empty());

    static MachineDetectionStep run(
            SimulatedCall call, AnsweredBy scripted, CallWebhooks webhooks, CallTimeline timeline) {
        MachineDetection detection = call.spec().machineDetection();
        if (detection == null) {
            return NONE;
        }
        AnsweredBy party = scripted.reported(detection.waitForMessageEnd());
        call.detectedAs(party.wire());
        if (!detection.async()) {
            return new MachineDetectionStep(party.wire(), Mono.empty());
        }
        if (detection.callback() == null) {
            return NONE;
        }
        int millis = party.detectionMillis(detection.timeoutSeconds());
        return new MachineDetectionStep(null, timeline.later(() -> webhooks.machineDetected(party.wire(), millis)));
    }
}
