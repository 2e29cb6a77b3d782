package io.switchboard.events.dialer;

import java.time.Instant;

/** A call request that will not be dialed, with the field at fault when there is one. */
public record CallRequestRejected(
        String requestId, String accountId, String reason, String field, Instant rejectedAt) {}
