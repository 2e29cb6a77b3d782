package io.switchboard.orchestrator.call.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;

/**
 * The orchestrator's view of one call. Immutable: every change yields a new value, so the store
 * can put the previous one back when a transaction rolls back.
 *
 * @param key       who the call is: provider, account and the provider's call id. Fixed when the call
 *                  is created; no fact changes it, so no event of another account can reach this call
 * @param changedAt when the current status was reached (the provider's time)
 * @param timeline  every status seen, ordered by provider sequence number, then time
 * @param answeredBy who answered, from the provider's answering machine detection; null until one is known.
 *                   Once known it never changes: it says how the call started, which no later fact revises
 */
public record Call(
        CallKey key,
        CallDirection direction,
        String from,
        String to,
        String assistantId,
        String requestId,
        CallStatus status,
        CallStatus previousStatus,
        Integer durationSeconds,
        List<CallTransition> timeline,
        Instant changedAt,
        String answeredBy) {

    /** Entries without a sequence number (dialer and inbound events) come first: they start a call. */
    static final Comparator<CallTransition> TIMELINE_ORDER = Comparator.comparing(
                    CallTransition::sequenceNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CallTransition::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(transition -> transition.status().progress());

    public Call {
        Objects.requireNonNull(key, "key");
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    static Call from(CallFact fact) {
        return new Call(
                fact.key(),
                fact.direction(),
                fact.from(),
                fact.to(),
                fact.assistantId(),
                fact.requestId(),
                fact.status(),
                null,
                terminalDuration(fact),
                List.of(fact.transition()),
                fact.at(),
                null);
    }

    public String accountId() {
        return key.accountId();
    }

    public String provider() {
        return key.provider();
    }

    public String providerCallId() {
        return key.providerCallId();
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    boolean hasReached(CallStatus candidate) {
        return timeline.stream().anyMatch(transition -> transition.status() == candidate);
    }

    /**
     * Whether the provider's sequence numbers allow the fact to be a step from before the current
     * status. A fact or a current step without one (dialer and inbound events) is judged by its status alone.
     */
    boolean mayPrecedeCurrentStatus(CallFact fact) {
        Integer reachedAt = timeline.stream()
                .filter(transition -> transition.status() == status)
                .map(CallTransition::sequenceNumber)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return reachedAt == null || fact.sequenceNumber() == null || fact.sequenceNumber() < reachedAt;
    }

    /** Fills what this call does not know yet from the fact; never overwrites. The key is never filled: it is fixed. */
    Call describedBy(CallFact fact) {
        return new Call(
                key,
                or(direction, fact.direction()),
                or(from, fact.from()),
                or(to, fact.to()),
                or(assistantId, fact.assistantId()),
                or(requestId, fact.requestId()),
                status,
                previousStatus,
                durationSeconds,
                timeline,
                changedAt,
                answeredBy);
    }

    Call advancedTo(CallFact fact) {
        return new Call(
                key,
                direction,
                from,
                to,
                assistantId,
                requestId,
                fact.status(),
                status,
                fact.status().isTerminal() ? terminalDuration(fact) : durationSeconds,
                with(fact.transition()),
                fact.at(),
                answeredBy);
    }

    Call remembering(CallFact fact) {
        return new Call(
                key,
                direction,
                from,
                to,
                assistantId,
                requestId,
                status,
                previousStatus,
                durationSeconds,
                with(fact.transition()),
                changedAt,
                answeredBy);
    }

    /** Records who answered; everything else, the status included, stays as it was. */
    Call withDetection(AnsweringMachineFact detection) {
        return new Call(
                key,
                direction,
                from,
                to,
                assistantId,
                requestId,
                status,
                previousStatus,
                durationSeconds,
                timeline,
                changedAt,
                detection.answeredBy());
    }

    private List<CallTransition> with(CallTransition transition) {
        var entries = new ArrayList<>(timeline);
        entries.add(transition);
        entries.sort(TIMELINE_ORDER);
        return entries;
    }

    private static Integer terminalDuration(CallFact fact) {
        return fact.status().isTerminal() ? fact.durationSeconds() : null;
    }

    private static <T> T or(T known, T offered) {
        return known != null ? known : offered;
    }
}
