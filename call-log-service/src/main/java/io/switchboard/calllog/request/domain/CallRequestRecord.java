package io.switchboard.calllog.request.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A call request as the log knows it, derived from the outcomes heard for it: they are kept as a set (one per
 * kind), so the record is the same whatever order they arrived in and however often. The state is the
 * furthest along ({@link RequestState}); each detail comes from the outcome that carries it.
 *
 * @param reason          why it was rejected, or null
 * @param field           the request's field at fault in a rejection, or null
 * @param callId          the provider's id of the placed call, or null before it is placed
 * @param finalStatus     the terminal status of the placed call once it finished, or null
 * @param durationSeconds how long the finished call lasted, when the provider said; else null
 * @param dueAt           when a request scheduled for later is due, or null
 * @param outcomes        every outcome heard, oldest first
 */
public record CallRequestRecord(
        String requestId,
        String accountId,
        RequestState state,
        String reason,
        String field,
        String callId,
        String finalStatus,
        Integer durationSeconds,
        Instant dueAt,
        List<RequestOutcome> outcomes) {

    /** Oldest first; two outcomes of one instant in the order a request goes through them. */
    private static final Comparator<RequestOutcome> HISTORY_ORDER = Comparator.comparing(
                    RequestOutcome::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RequestOutcome::state);

    public CallRequestRecord {
        outcomes = List.copyOf(outcomes);
    }

    /** Throws {@link IllegalArgumentException} when no outcome was heard: there is no request to show. */
    public static CallRequestRecord of(String requestId, String accountId, List<RequestOutcome> heard) {
        if (heard.isEmpty()) {
            throw new IllegalArgumentException("request " + requestId + " of " + accountId + " has no outcome");
        }
        List<RequestOutcome> history = heard.stream().sorted(HISTORY_ORDER).toList();
        RequestState state = history.stream()
                .map(RequestOutcome::state)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Optional<RequestOutcome> rejected = find(history, RequestState.REJECTED);
        Optional<RequestOutcome> finished = find(history, RequestState.FINISHED);
        String callId = finished.map(RequestOutcome::callId)
                .or(() -> find(history, RequestState.PLACED).map(RequestOutcome::callId))
                .orElse(null);
        return new CallRequestRecord(
                requestId,
                accountId,
                state,
                rejected.map(RequestOutcome::reason).orElse(null),
                rejected.map(RequestOutcome::field).orElse(null),
                callId,
                finished.map(RequestOutcome::finalStatus).orElse(null),
                finished.map(RequestOutcome::durationSeconds).orElse(null),
                find(history, RequestState.SCHEDULED).map(RequestOutcome::dueAt).orElse(null),
                history);
    }

    private static Optional<RequestOutcome> find(List<RequestOutcome> history, RequestState state) {
        return history.stream().filter(outcome -> outcome.state() == state).findFirst();
    }
}
