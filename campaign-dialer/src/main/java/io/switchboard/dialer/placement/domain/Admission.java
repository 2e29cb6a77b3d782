package io.switchboard.dialer.placement.domain;

import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.DialIntentRecorded;

/** What became of a request at its account's owner. */
public sealed interface Admission {

    /** The provider has the call: publish {@code event} and {@code settled} together. */
    record Placed(CallPlaced event, DialIntentRecorded settled) implements Admission {}

    /** It will not be dialed: publish the rejection and {@code settled} together; {@code field} may be null. */
    record Rejected(String reason, String field, DialIntentRecorded settled) implements Admission {}

    /** Already placed or rejected: nothing to do. */
    record Duplicate(String requestId) implements Admission {}
}
