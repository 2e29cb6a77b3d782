package io.switchboard.simulator.call.progress;

import static io.switchboard.simulator.call.domain.CallStatus.BUSY;
import static io.switchboard.simulator.call.domain.CallStatus.COMPLETED;
import static io.switchboard.simulator.call.domain.CallStatus.FAILED;
import static io.switchboard.simulator.call.domain.CallStatus.INITIATED;
import static io.switchboard.simulator.call.domain.CallStatus.IN_PROGRESS;
import static io.switchboard.simulator.call.domain.CallStatus.NO_ANSWER;
import static io.switchboard.simulator.call.domain.CallStatus.RINGING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.switchboard.simulator.call.domain.CallSpec;
import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.Sids;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.config.SimulatorProperties;
import io.switchboard.simulator.fault.FaultSwitch;
import io.switchboard.simulator.outcome.CallOutcome;
import io.switchboard.simulator.outcome.OutcomeRule;
import io.switchboard.simulator.outcome.OutcomeRules;
import io.switchboard.simulator.webhook.WebhookClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Plays an outbound-api call through to its scripted outcome, then reports its recording. */
@Component
public class OutboundCallDriver {

    private final OutcomeRules rules;
    private final FaultSwitch faults;
    private final WebhookClient client;
    private final CallTimeline timeline;
    private final String publicBaseUrl;

    OutboundCallDriver(
            OutcomeRules rules,
            FaultSwitch faults,
            WebhookClient client,
            CallTimeline timeline,
            SimulatorProperties properties) {
        this.rules = rules;
        this.faults = faults;
        this.client = client;
        this.timeline = timeline;
        this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    public void start(SimulatedCall call) {
        CallSpec spec = call.spec();
        OutcomeRule rule = rules.match(spec.to());
        int talkSeconds = spec.timeLimit() == null
                ? rule.durationSeconds()
                : Math.min(rule.durationSeconds(), Math.max(0, spec.timeLimit()));
        CallWebhooks webhooks = new CallWebhooks(call, faults.current(), client);
        List<Supplier<Mono<Void>>> steps = new ArrayList<>();
        for (CallStatus status : path(rule)) {
            steps.add(() -> webhooks.statusChanged(status, call.advance(status, Instant.now(), talkSeconds)));
        }
        if (rule.outcome() == CallOutcome.COMPLETED && spec.wantsCompletedRecording()) {
            steps.add(() -> webhooks.recordingCompleted(recording(call)));
        }
        timeline.run(call.sid(), timeline.steps(steps));
    }

    /** Twilio's status paths; a call that fails to connect never rings. */
    private static List<CallStatus> path(OutcomeRule rule) {
        return switch (rule.outcome()) {
            case COMPLETED -> List.of(INITIATED, RINGING, IN_PROGRESS, COMPLETED);
            case BUSY -> List.of(INITIATED, RINGING, BUSY);
            case NO_ANSWER -> List.of(INITIATED, RINGING, NO_ANSWER);
            case FAILED -> List.of(INITIATED, FAILED);
        };
    }

    private Map<String, String> recording(SimulatedCall call) {
        String recordingSid = Sids.recording();
        call.recordedAs(recordingSid);
        CallState state = call.state();
        String url = publicBaseUrl + "/2010-04-01/Accounts/" + call.spec().accountSid() + "/Recordings/" + recordingSid;
        return CallbackParams.recording(call, recordingSid, url, state.startTime(), state.durationSeconds());
    }
}
