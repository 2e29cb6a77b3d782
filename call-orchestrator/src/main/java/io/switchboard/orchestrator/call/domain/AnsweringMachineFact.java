package io.switchboard.orchestrator.call.domain;

import java.time.Instant;
import java.util.Objects;

import io.switchboard.events.call.CallKey;

/**
 * What a provider's answering machine detection says about a call: who answered. Unlike a {@link CallFact} it
 * reports no status: it changes none, and it may reach the orchestrator before the call's first status.
 *
 * @param key        the call, as for a {@link CallFact}: provider, the account the event was verified for and
 *                   the provider's call id
 * @param answeredBy as the provider spells it (Twilio {@code AnsweredBy}: human, machine_start, fax, unknown…)
 * @param at         when the detection was reported; only bounds how long it waits for its call
 */
public record AnsweringMachineFact(CallKey key, String answeredBy, Instant at) {

    public AnsweringMachineFact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(answeredBy, "answeredBy");
        Objects.requireNonNull(at, "at");
    }
}
