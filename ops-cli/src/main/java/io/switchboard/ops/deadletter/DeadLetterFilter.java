package io.switchboard.ops.deadletter;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which dead letters {@code list} shows: each criterion given must hold.
 *
 * @param reason text the reason, the exception class or its message contains (any case), or null
 * @param since  dead-lettered at or after, or null
 * @param until  dead-lettered before, or null
 */
record DeadLetterFilter(String reason, Instant since, Instant until) implements Predicate<DeadLetter> {

    @Override
    public boolean test(DeadLetter deadLetter) {
        return (reason == null || deadLetter.mentions(reason))
                && (since == null || !deadLetter.time().isBefore(since))
                && (until == null || deadLetter.time().isBefore(until));
    }
}
