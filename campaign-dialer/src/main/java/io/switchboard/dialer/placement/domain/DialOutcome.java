package io.switchboard.dialer.placement.domain;

import io.switchboard.events.dialer.CallPlaced;

/** What became of a valid call request. */
public sealed interface DialOutcome {

    /** The provider has the call: publish {@code event}, then {@link CallDialer#confirm} once that is committed. */
    record Placed(CallPlaced event) implements DialOutcome {}

    /** This request id was already dialed (or is being dialed): nothing to do. */
    record Duplicate(String requestId) implements DialOutcome {}

    /** The provider refused the call or could not be reached in time: it was not placed. */
    record Rejected(String reason) implements DialOutcome {}
}
