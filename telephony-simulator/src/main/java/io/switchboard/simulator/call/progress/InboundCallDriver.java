package io.switchboard.simulator.call.progress;

import static io.switchboard.simulator.call.domain.CallStatus.BUSY;
import static io.switchboard.simulator.call.domain.CallStatus.CANCELED;
import static io.switchboard.simulator.call.domain.CallStatus.COMPLETED;
import static io.switchboard.simulator.call.domain.CallStatus.FAILED;
import static io.switchboard.simulator.call.domain.CallStatus.IN_PROGRESS;
import static io.switchboard.simulator.call.domain.CallStatus.RINGING;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.VoiceAnswer;
import io.switchboard.simulator.fault.FaultSwitch;
import io.switchboard.simulator.outcome.OutcomeRules;
import io.switchboard.simulator.webhook.WebhookClient;
import io.switchboard.simulator.webhook.WebhookResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Rings one of our numbers: asks its voice URL how to answer, then plays the call out accordingly. */
@Component
public class InboundCallDriver {

    private final OutcomeRules rules;
    private final FaultSwitch faults;
    private final WebhookClient client;
    private final VoiceFetch voice;
    private final CallTimeline timeline;

    InboundCallDriver(
            OutcomeRules rules, FaultSwitch faults, WebhookClient client, VoiceFetch voice, CallTimeline timeline) {
        this.rules = rules;
        this.faults = faults;
        this.client = client;
        this.voice = voice;
        this.timeline = timeline;
    }

    public void start(SimulatedCall call, String voiceUrl) {
        CallWebhooks webhooks = new CallWebhooks(call, faults.current(), client);
        int talkSeconds = rules.match(call.spec().to()).durationSeconds();
        Mono<Void> life = voice.fetch(call, voiceUrl, HttpMethod.POST, CallbackParams.voice(call, RINGING, null))
                .flatMap(response -> {
                    AnswerTwiml verdict = AnswerTwiml.of(response);
                    call.answeredWith(answer(response, verdict));
                    List<Supplier<Mono<Void>>> steps = path(verdict).stream()
                            .<Supplier<Mono<Void>>>map(status -> () -> {
                                CallState state = call.advance(status, Instant.now(), talkSeconds);
                                return state == null ? Mono.empty() : webhooks.statusChanged(status, state);
                            })
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

    /** An answered inbound call keeps its scripted talk time; its stream is recorded all the same. */
    private static VoiceAnswer answer(WebhookResponse response, AnswerTwiml verdict) {
        AnsweredTwiml followed = verdict == AnswerTwiml.ANSWER ? AnsweredTwiml.of(response.body()) : null;
        return new VoiceAnswer(
                "url",
                response.status(),
                VoiceFetch.bounded(response.body()),
                response.error(),
                errorCode(response, verdict),
                followed == null ? null : followed.stream());
    }

    private static Integer errorCode(WebhookResponse response, AnswerTwiml verdict) {
        if (!response.successful()) {
            return AnsweredTwiml.HTTP_RETRIEVAL_FAILURE;
        }
        return verdict == AnswerTwiml.FAILED ? AnsweredTwiml.DOCUMENT_PARSE_FAILURE : null;
    }
}
