package io.switchboard.simulator.call.progress;

import static io.switchboard.simulator.call.domain.CallStatus.BUSY;
import static io.switchboard.simulator.call.domain.CallStatus.CANCELED;
import static io.switchboard.simulator.call.domain.CallStatus.COMPLETED;
import static io.switchboard.simulator.call.domain.CallStatus.FAILED;
import static io.switchboard.simulator.call.domain.CallStatus.INITIATED;
import static io.switchboard.simulator.call.domain.CallStatus.IN_PROGRESS;
import static io.switchboard.simulator.call.domain.CallStatus.NO_ANSWER;
import static io.switchboard.simulator.call.domain.CallStatus.RINGING;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.VoiceAnswer;
import io.switchboard.simulator.call.domain.VoiceInstructions;
import io.switchboard.simulator.outcome.OutcomeRule;
import reactor.core.publisher.Mono;

/**
 * One outbound-api call from dial to hang-up. Timer steps and API updates both move it, so every change
 * happens under this object's lock and belongs to a segment: an update that takes the call over (hang-up,
 * cancel, new TwiML) starts a new segment, and steps still pending from the old one find it stale and do nothing.
 */
final class OutboundCallRun {

    private final SimulatedCall call;
    private final OutcomeRule rule;
    private final int talkSeconds;
    private final CallWebhooks webhooks;
    private final OutboundCallDriver driver;
    private VoiceInstructions instructions;
    private int segment;

    OutboundCallRun(SimulatedCall call, OutcomeRule rule, CallWebhooks webhooks, OutboundCallDriver driver) {
        this.call = call;
        this.rule = rule;
        this.webhooks = webhooks;
        this.driver = driver;
        this.instructions = call.spec().voice();
        Integer timeLimit = call.spec().timeLimit();
        this.talkSeconds =
                timeLimit == null ? rule.durationSeconds() : Math.min(rule.durationSeconds(), Math.max(0, timeLimit));
    }

    Mono<Void> dial() {
        int current = segment;
        List<Supplier<Mono<Void>>> steps = path().stream()
                .map(status -> guarded(current, () -> status == IN_PROGRESS ? answer(current) : moveTo(status, 0)))
                .toList();
        return driver.timeline().steps(steps);
    }

    /** Status=completed: hangs up an answered call now; one not yet answered is canceled, never reaching in-progress. */
    synchronized boolean hangUp() {
        CallStatus status = call.state().status();
        if (status.terminal()) {
            return false;
        }
        segment++;
        if (status == IN_PROGRESS) {
            long talked = Duration.between(call.answeredAt(), Instant.now()).toSeconds();
            driver.timeline().run(call.sid(), complete((int) Math.min(talked, talkSeconds)));
        } else {
            driver.timeline().run(call.sid(), moveTo(CANCELED, 0));
        }
        return true;
    }

    /** Status=canceled: ends a queued or ringing call; Twilio leaves an answered call alone. */
    synchronized boolean cancel() {
        CallStatus status = call.state().status();
        if (status.terminal()) {
            return false;
        }
        if (status != IN_PROGRESS) {
            segment++;
            driver.timeline().run(call.sid(), moveTo(CANCELED, 0));
        }
        return true;
    }

    /** Url/Twiml: an answered call runs them now; one not yet answered will run them when answered. */
    synchronized boolean redirect(VoiceInstructions replacement) {
        CallStatus status = call.state().status();
        if (status.terminal()) {
            return false;
        }
        if (status == IN_PROGRESS) {
            int current = ++segment;
            driver.timeline().run(call.sid(), follow(current, replacement, null));
        } else {
            instructions = replacement;
        }
        return true;
    }

    private List<CallStatus> path() {
        return switch (rule.outcome()) {
            case COMPLETED -> List.of(INITIATED, RINGING, IN_PROGRESS);
            case BUSY -> List.of(INITIATED, RINGING, BUSY);
            case NO_ANSWER -> List.of(INITIATED, RINGING, NO_ANSWER);
            case FAILED -> List.of(INITIATED, FAILED);
        };
    }

    /**
     * Answered: machine detection decides first (synchronous AMD delays the fetch and adds AnsweredBy to it;
     * asynchronous AMD reports one step later), then the call runs its TwiML, or just its script when
     * following TwiML is switched off.
     */
    private Mono<Void> answer(int current) {
        Mono<Void> answered = moveTo(IN_PROGRESS, 0);
        MachineDetectionStep detection = MachineDetectionStep.run(call, rule.answeredBy(), webhooks, driver.timeline());
        Mono<Void> script = driver.followsAnswerTwiml()
                ? follow(current, instructions, detection.answeredBy())
                : driver.timeline().later(guarded(current, () -> complete(talkSeconds)));
        return Mono.when(answered, detection.callback(), script);
    }

    /** Fetches or takes the TwiML, records it, and ends the call when the TwiML runs out. */
    private Mono<Void> follow(int current, VoiceInstructions next, String answeredBy) {
        Mono<AnsweredTwiml> followed = next.inline()
                ? Mono.fromSupplier(
                        () -> recorded(current, "twiml", null, next.twiml(), null, AnsweredTwiml.of(next.twiml())))
                : driver.voice()
                        .fetch(call, next.url(), next.method(), CallbackParams.voice(call, IN_PROGRESS, answeredBy))
                        .map(response -> recorded(
                                current,
                                "url",
                                response.status(),
                                response.body(),
                                response.error(),
                                response.successful()
                                        ? AnsweredTwiml.of(response.body())
                                        : AnsweredTwiml.applicationError(AnsweredTwiml.HTTP_RETRIEVAL_FAILURE)));
        return followed.flatMap(twiml -> driver.timeline()
                .later(guarded(
                        current,
                        () -> complete(
                                twiml.connected() ? talkSeconds : Math.min(twiml.spokenSeconds(), talkSeconds)))));
    }

    private synchronized AnsweredTwiml recorded(
            int current, String source, Integer status, String twiml, String error, AnsweredTwiml followed) {
        if (current == segment) {
            call.answeredWith(new VoiceAnswer(
                    source, status, VoiceFetch.bounded(twiml), error, followed.errorCode(), followed.stream()));
        }
        return followed;
    }

    private Mono<Void> complete(int seconds) {
        CallState state = call.advance(COMPLETED, Instant.now(), seconds);
        if (state == null) {
            return Mono.empty();
        }
        driver.ended(call);
        Mono<Void> completed = webhooks.statusChanged(COMPLETED, state);
        if (!call.spec().wantsCompletedRecording()) {
            return completed;
        }
        return Mono.when(completed, driver.timeline().later(() -> webhooks.recordingCompleted(driver.recording(call))));
    }

    private Mono<Void> moveTo(CallStatus status, int seconds) {
        CallState state = call.advance(status, Instant.now(), seconds);
        if (state == null) {
            return Mono.empty();
        }
        if (status.terminal()) {
            driver.ended(call);
        }
        return webhooks.statusChanged(status, state);
    }

    private Supplier<Mono<Void>> guarded(int current, Supplier<Mono<Void>> step) {
        return () -> {
            synchronized (this) {
                return current == segment ? step.get() : Mono.empty();
            }
        };
    }
}
