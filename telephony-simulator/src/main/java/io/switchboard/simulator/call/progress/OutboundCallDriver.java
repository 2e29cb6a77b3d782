package io.switchboard.simulator.call.progress;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.Sids;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.VoiceInstructions;
import io.switchboard.simulator.config.SimulatorProperties;
import io.switchboard.simulator.fault.FaultSwitch;
import io.switchboard.simulator.outcome.OutcomeRules;
import io.switchboard.simulator.webhook.WebhookClient;
import org.springframework.stereotype.Component;

/** Plays outbound-api calls to their scripted outcome and applies API updates (hang-up, cancel, new TwiML) to them. */
@Component
public class OutboundCallDriver {

    /** What an update did: applied, or refused because the call had already ended (Twilio's 21220). */
    public enum Update {
        APPLIED,
        CALL_ENDED
    }

    private final OutcomeRules rules;
    private final FaultSwitch faults;
    private final WebhookClient client;
    private final VoiceFetch voice;
    private final CallTimeline timeline;
    private final CallPacing pacing;
    private final String publicBaseUrl;
    private final boolean followAnswerTwiml;
    private final Map<String, OutboundCallRun> running = new ConcurrentHashMap<>();

    OutboundCallDriver(
            OutcomeRules rules,
            FaultSwitch faults,
            WebhookClient client,
            VoiceFetch voice,
            CallTimeline timeline,
            CallPacing pacing,
            SimulatorProperties properties) {
        this.rules = rules;
        this.faults = faults;
        this.client = client;
        this.voice = voice;
        this.timeline = timeline;
        this.pacing = pacing;
        this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
        this.followAnswerTwiml = properties.followAnswerTwiml();
    }

    /**
     * Queues the call behind its account's calls-per-second limit; it is dialed when it leaves the queue. It can be
     * canceled or hung up while queued, and then never starts.
     *
     * @return the estimated wait in the queue (Twilio's {@code queue_time})
     * @throws CallQueueFullException when the queue is full; the call was not taken
     */
    public Duration start(SimulatedCall call) {
        OutboundCallRun run = new OutboundCallRun(
                call, rules.match(call.spec().to()), new CallWebhooks(call, faults.current(), client), this);
        running.put(call.sid(), run);
        try {
            return pacing.admit(call, () -> timeline.run(call.sid(), run.dial()));
        } catch (CallQueueFullException full) {
            running.remove(call.sid());
            throw full;
        }
    }

    public Update hangUp(SimulatedCall call) {
        return applied(call, OutboundCallRun::hangUp);
    }

    public Update cancel(SimulatedCall call) {
        return applied(call, OutboundCallRun::cancel);
    }

    public Update redirect(SimulatedCall call, VoiceInstructions instructions) {
        return applied(call, run -> run.redirect(instructions));
    }

    private Update applied(SimulatedCall call, Predicate<OutboundCallRun> update) {
        OutboundCallRun run = running.get(call.sid());
        return run != null && update.test(run) ? Update.APPLIED : Update.CALL_ENDED;
    }

    CallTimeline timeline() {
        return timeline;
    }

    VoiceFetch voice() {
        return voice;
    }

    boolean followsAnswerTwiml() {
        return followAnswerTwiml;
    }

    void ended(SimulatedCall call) {
        running.remove(call.sid());
    }

    /** The recording of a completed call: it starts when the call is answered. */
    Map<String, String> recording(SimulatedCall call) {
        String recordingSid = Sids.recording();
        call.recordedAs(recordingSid);
        CallState state = call.state();
        String url = publicBaseUrl + "/2010-04-01/Accounts/" + call.spec().accountSid() + "/Recordings/" + recordingSid;
        return CallbackParams.recording(call, recordingSid, url, call.answeredAt(), state.durationSeconds());
    }
}
