package io.switchboard.events.dialer;

import java.time.Instant;

/**
 * A scheduled request (or the next occurrence of a recurring one) is due: written by the account's owner to its
 * own partition of {@code dialer-requests.v1} when the time comes, and applied there in the partition's order,
 * so that firing is decided once, with the offset commit. A signal that arrives twice, or for a time that has
 * already fired, changes nothing.
 *
 * @param requestId the scheduled request's id (for a recurring request, the series')
 * @param dueAt     the due time being fired: the request's intent must still be scheduled for exactly it
 */
public record CallRequestDue(String requestId, String accountId, Instant dueAt) {}
