package io.switchboard.simulator.call.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.switchboard.simulator.webhook.DeliveryAttempt;

/**
 * One call: what was asked ({@link CallSpec}), where it is ({@link CallState}) and what the simulator sent.
 * Steps of one call are sequential but run on timer threads, so state is swapped atomically.
 */
public final class SimulatedCall {

    private final String sid;
    private final CallSpec spec;
    private final Instant dateCreated;
    private final Queue<DeliveryAttempt> deliveries = new ConcurrentLinkedQueue<>();
    private volatile CallState state;
    private volatile VoiceAnswer voiceAnswer;
    private volatile String recordingSid;
    private volatile Instant answeredAt;
    private volatile String answeredBy;
    private volatile Duration queueTime;
    private volatile Instant leftQueueAt;

    public SimulatedCall(String sid, CallSpec spec, CallStatus initial, Instant dateCreated) {
        this.sid = sid;
        this.spec = spec;
        this.dateCreated = dateCreated;
        this.state = CallState.created(initial, dateCreated);
    }

    public String sid() {
        return sid;
    }

    public CallSpec spec() {
        return spec;
    }

    public Instant dateCreated() {
        return dateCreated;
    }

    public CallState state() {
        return state;
    }

    /**
     * Moves the call on; talkSeconds counts only when the call completes. A call that has ended stays
     * ended: a timer step or an API update arriving after the end gets null and must send nothing.
     */
    public synchronized CallState advance(CallStatus next, Instant at, int talkSeconds) {
        if (state.status().terminal()) {
            return null;
        }
        state = state.advance(next, at, talkSeconds);
        if (next == CallStatus.IN_PROGRESS) {
            answeredAt = at;
        }
        return state;
    }

    /** When the call was answered (its start_time is when it was dialed), or null. */
    public Instant answeredAt() {
        return answeredAt;
    }

    /** Twilio's AnsweredBy once machine detection decided; null without detection. */
    public String answeredBy() {
        return answeredBy;
    }

    public void detectedAs(String answeredBy) {
        this.answeredBy = answeredBy;
    }

    /** The wait estimated when the call was queued behind its account's calls-per-second (Twilio's queue_time). */
    public Duration queueTime() {
        return queueTime;
    }

    public void queuedFor(Duration estimate) {
        this.queueTime = estimate;
    }

    /** When the call left the calls-per-second queue and was dialed; null while it waits (or if it never did). */
    public Instant leftQueueAt() {
        return leftQueueAt;
    }

    public void leftQueue(Instant at) {
        this.leftQueueAt = at;
    }

    public void journal(DeliveryAttempt attempt) {
        deliveries.add(attempt);
    }

    public List<DeliveryAttempt> deliveries() {
        return List.copyOf(deliveries);
    }

    public VoiceAnswer voiceAnswer() {
        return voiceAnswer;
    }

    public void answeredWith(VoiceAnswer answer) {
        this.voiceAnswer = answer;
    }

    public String recordingSid() {
        return recordingSid;
    }

    public void recordedAs(String sid) {
        this.recordingSid = sid;
    }
}
