package io.switchboard.simulator.call.progress;

import java.util.Map;

import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.MachineDetection;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.fault.Faults;
import io.switchboard.simulator.webhook.Webhook;
import io.switchboard.simulator.webhook.WebhookClient;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * The status and recording callbacks of one call, with the faults that were in force when it started.
 * Timer steps and API updates (hang-up, cancel) may report statuses from different threads, so the sequence
 * counter and the held-back callback are guarded.
 */
final class CallWebhooks {

    private final SimulatedCall call;
    private final Faults faults;
    private final WebhookClient client;
    private int nextSequence;
    private Webhook heldBack;

    CallWebhooks(SimulatedCall call, Faults faults, WebhookClient client) {
        this.call = call;
        this.faults = faults;
        this.client = client;
    }

    /**
     * The callbacks due now that the call reached {@code status}. SequenceNumber follows the order of
     * events even when the reorder fault holds ringing back until the next callback has been delivered.
     */
    synchronized Mono<Void> statusChanged(CallStatus status, CallState state) {
        Webhook hook = null;
        if (call.spec().subscribes(status)) {
            hook = Webhook.of(
                    "status-callback",
                    call.spec().accountSid(),
                    call.spec().statusCallback(),
                    call.spec().statusCallbackMethod(),
                    CallbackParams.status(call, status, state, nextSequence++));
            if (faults.reorder() && status == CallStatus.RINGING) {
                heldBack = hook;
                return Mono.empty();
            }
        }
        Mono<Void> now = hook == null ? Mono.empty() : deliver(hook);
        if (heldBack != null && (hook != null || status.terminal())) {
            Webhook late = heldBack;
            heldBack = null;
            return now.then(deliver(late));
        }
        return now;
    }

    Mono<Void> recordingCompleted(Map<String, String> params) {
        return deliver(Webhook.of(
                "recording-callback",
                call.spec().accountSid(),
                call.spec().recordingStatusCallback(),
                HttpMethod.POST,
                params));
    }

    Mono<Void> machineDetected(String answeredBy, int detectionMillis) {
        MachineDetection detection = call.spec().machineDetection();
        return deliver(Webhook.of(
                "amd-callback",
                call.spec().accountSid(),
                detection.callback(),
                detection.callbackMethod(),
                CallbackParams.machineDetection(call, answeredBy, detectionMillis)));
    }

    /** A duplicate is the same webhook again, so it carries the same idempotency token. */
    private Mono<Void> deliver(Webhook hook) {
        Mono<Void> once = client.deliver(hook, true, call::journal).then();
        return faults.duplicate() ? once.then(once) : once;
    }
}
