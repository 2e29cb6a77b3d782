package io.switchboard.orchestrator.call.domain;

/**
 * The rules of a call's life, as a pure function of its current state and one fact.
 * <ul>
 * <li>A status already seen is a duplicate: it adds no step (only fields the call lacks).</li>
 * <li>A status further along ({@code progress()}) replaces the current one.</li>
 * <li>A late status (lower progress) never replaces it, but fills its gap in the timeline.</li>
 * <li>Terminal statuses absorb: nothing changes an ended call's status, duration or previous status,
 * and a later terminal status is ignored. A late non-terminal step it never saw, and that the
 * provider's sequence numbers put before the end, still fills its gap in the timeline: the
 * provider delivers callbacks late and out of order, and the history should say what happened.</li>
 * <li>A fact that changes a call also fills fields the call does not know yet (a CallPlaced that
 * comes after the first status callback brings requestId and assistantId).</li>
 * <li>A fact about an unknown call creates it from what the fact carries.</li>
 * <li>A call is its key (provider, account, provider call id), fixed at creation: a fact is only
 * ever applied to the call of its own key. Another account's event naming the same provider call id
 * is about another call, never this one.</li>
 * <li>An answering machine detection records who answered, live or ended call alike, and changes
 * nothing else. The first one known is kept: a repeat changes nothing, and neither does a later,
 * different answer (the provider detects once per call).</li>
 * </ul>
 */
public final class CallStateMachine {

    public CallUpdate apply(Call current, CallFact fact) {
        if (current == null) {
            return new CallUpdate(null, Call.from(fact));
        }
        if (!current.key().equals(fact.key())) {
            throw new IllegalArgumentException(
                    "a fact about call " + fact.key() + " cannot change call " + current.key());
        }
        if (current.isTerminal()) {
            return new CallUpdate(current, afterEnd(current, fact));
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

    public CallUpdate apply(Call current, AnsweringMachineFact detection) {
        if (!current.key().equals(detection.key())) {
            throw new IllegalArgumentException(
                    "a detection about call " + detection.key() + " cannot change call " + current.key());
        }
        if (current.answeredBy() != null) {
            return new CallUpdate(current, current);
        }
        return new CallUpdate(current, current.withDetection(detection));
    }

    private static Call afterEnd(Call ended, CallFact fact) {
        if (fact.status().isTerminal() || ended.hasReached(fact.status()) || !ended.mayPrecedeCurrentStatus(fact)) {
            return ended;
        }
        return ended.describedBy(fact).remembering(fact);
    }
}
