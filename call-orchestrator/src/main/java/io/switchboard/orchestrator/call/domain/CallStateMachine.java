package io.switchboard.orchestrator.call.domain;

/**
 * The rules of a call's life, as a pure function of its current state and one fact.
 * <ul>
 * <li>Terminal statuses absorb: nothing after one changes the call.</li>
 * <li>A status already seen is a duplicate: the status and timeline stay as they are.</li>
 * <li>A status further along ({@code progress()}) replaces the current one.</li>
 * <li>A late status (lower progress) never replaces it, but fills its gap in the timeline.</li>
 * <li>Any fact about a live call fills fields the call does not know yet (a CallPlaced that comes
 * after the first status callback brings requestId and assistantId).</li>
 * <li>A fact about an unknown call creates it from what the fact carries.</li>
 * </ul>
 */
public final class CallStateMachine {

    public CallUpdate apply(Call current, CallFact fact) {
        if (current == null) {
            return new CallUpdate(null, Call.from(fact));
        }
        if (current.isTerminal()) {
            return new CallUpdate(current, current);
        }
        Call described = current.describedBy(fact);
        if (described.hasReached(fact.status())) {
            return new CallUpdate(current, described);
        }
        if (fact.status().progress() > current.status().progress()) {
            return new CallUpdate(current, described.advancedTo(fact));
        }
        return new CallUpdate(current, described.remembering(fact));
    }
}
