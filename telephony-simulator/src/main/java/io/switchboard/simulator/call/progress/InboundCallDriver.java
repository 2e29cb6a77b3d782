package io.switchboard.simulator.call.progress;

import static io.switchboard.simulator.call.domain.CallStatus.BUSY;
import static io.switchboard.simulator.call.domain.CallStatus.CANCELED;
import static io.switchboard.simulator.call.domain.CallStatus.COMPLETED;
import static io.switchboard.simulator.call.domain.CallStatus.FAILED;
import static io.switchboard.simulator.call.domain.CallStatus.IN_PROGRESS;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.VoiceAnswer;
import io.switchboard.simulator.fault.FaultSwitch;
import io.switchboard.simulator.outcome.OutcomeRules;
import io.switchboard.simulator.webhook.Webhook;
import io.switchboard.simulator.webhook.WebhookClient;
import io.switchboard.simulator.webhook.WebhookResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Rings one of our numbers: asks its voice URL how to answer, then plays the call out accordingly. */
@Component
public class InboundCallDriver {

    /** Enough to see what the application answered without letting a huge body sit in memory. */
    private static final int MAX_TWIML_CHARS = 4000;

    private final OutcomeRules rules;
    private final FaultSwitch faults;
    private final WebhookClient client;
    private final CallTimeline timeline;

    InboundCallDriver(OutcomeRules rules, FaultSwitch faults, WebhookClient client, CallTimeline timeline) {
        this.rules = rules;
        this.faults = faults;
        this.client = client;
        this.timeline = timeline;
    }

    /** Twilio does not retry a voice URL (it would use the fallback URL), so neither does the simulator. */
    public void start(SimulatedCall call, String voiceUrl) {
        CallWebhooks webhooks = new CallWebhooks(call, faults.current(), client);
        int talkSeconds = rules.match(call.spec().to()).durationSeconds();
        Webhook voice =
                Webhook.of("voice", call.spec().accountSid(), voiceUrl, HttpMethod.POST, CallbackParams.voice(call));
        Mono<Void> life = client.deliver(voice, false, call::journal).flatMap(response -> {
            call.answeredWith(answer(response));
            List<Supplier<Mono<Void>>> steps = path(AnswerTwiml.of(response)).stream()
                    .<Supplier<Mono<Void>>>map(status ->
                            () -> webhooks.statusChanged(status, call.advance(status, Instant.now(), talkSeconds)))
                    .toList();
            return timeline.steps(steps);
        });
        timeline.run(call.sid(), life);
    }

    private static List<CallStatus> path(AnswerTwiml verdict) {
        return switch (verdict) {
            case ANSWER -> List.of(IN_PROGRESS, COMPLETED);
            case REJECT_BUSY -> List.of(BUSY);
            case REJECT, HANGUP -> List.of(CANCELED);
            case FAILED -> List.of(FAILED);
        };
    }

    private static VoiceAnswer answer(WebhookResponse response) {
        String body = response.body();
        String twiml = body.length() > MAX_TWIML_CHARS ? body.substring(0, MAX_TWIML_CHARS) : body;
        return new VoiceAnswer(response.status(), twiml, response.error());
    }
}
