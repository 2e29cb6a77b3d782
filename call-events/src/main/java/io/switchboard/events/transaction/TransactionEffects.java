package io.switchboard.events.transaction;

import java.util.function.Consumer;

/**
 * In-memory effects that follow the fate of the Kafka transaction the current record is handled in:
 * applied only once it committed (with the consumed offset), undone when it did not. Every service
 * that keeps state in memory beside a transactional listener goes through here, so a rolled-back
 * record never leaves memory ahead of the topics.
 *
 * <p>Each method must be called inside a synchronized transaction (a transactional listener, or
 * {@code KafkaTemplate.executeInTransaction} under the transaction manager); outside one it throws
 * rather than apply an effect that could not be undone.
 */
public interface TransactionEffects {

    /** Runs {@code effect} after the transaction commits; drops it otherwise. */
    void afterCommit(Runnable effect);

    /**
     * Runs {@code undo} when the transaction rolled back, or ended with an unknown outcome: the record
     * is then redelivered, and a re-published event has the same deterministic id, which readers
     * already deduplicate.
     */
    default void afterRollback(Runnable undo) {
        afterCompletion(outcome -> {
            if (outcome != TransactionOutcome.COMMITTED) {
                undo.run();
            }
        });
    }

    /** Runs {@code action} once the transaction ended, whatever its outcome (after any afterCommit effect). */
    void afterCompletion(Consumer<TransactionOutcome> action);
}
