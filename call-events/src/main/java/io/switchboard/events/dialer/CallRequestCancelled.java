package io.switchboard.events.dialer;

import java.time.Instant;

/**
 * A caller of the account asked that a request not be dialed, on {@code dialer-requests.v1} keyed by account. A
 * scheduled request (or a whole recurring series) is cancelled at once; a queued one is taken out of its
 * provider account's queue unless its dialing has begun; one not yet received is refused when it arrives. A
 * request already placed or settled is not changed.
 *
 * @param cancelledBy who asked: the subject of the caller's token
 */
public record CallRequestCancelled(String requestId, String accountId, Instant cancelledAt, String cancelledBy) {}
