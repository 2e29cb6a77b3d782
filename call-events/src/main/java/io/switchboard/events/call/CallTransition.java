package io.switchboard.events.call;

import java.time.Instant;

/** One step of a call's timeline: the status, when the provider says it happened, its sequence. */
public record CallTransition(CallStatus status, Instant at, Integer sequenceNumber) {}
