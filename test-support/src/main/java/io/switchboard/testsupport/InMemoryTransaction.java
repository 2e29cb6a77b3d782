package io.switchboard.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.switchboard.events.transaction.TransactionEffects;
import io.switchboard.events.transaction.TransactionOutcome;

/**
 * {@link TransactionEffects} for unit tests, without Kafka: {@link #run} commits when the work
 * returns and rolls back when it throws, as a transactional listener's container does, and runs the
 * registered effects in the same order Spring's synchronization would.
 */
public final class InMemoryTransaction implements TransactionEffects {

    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Consumer<TransactionOutcome>> afterCompletion = new ArrayList<>();
    private boolean active;

    /** Runs {@code work} in a transaction; rethrows what it threw after rolling back. */
    public void run(Runnable work) {
        begin();
        try {
            work.run();
        } catch (RuntimeException e) {
            end(TransactionOutcome.ROLLED_BACK);
            throw e;
        }
        end(TransactionOutcome.COMMITTED);
    }

    /** Runs {@code work}, then ends the transaction with {@code outcome} as if the commit had gone that way. */
    public void run(Runnable work, TransactionOutcome outcome) {
        begin();
        work.run();
        end(outcome);
    }

    @Override
    public void afterCommit(Runnable effect) {
        requireActive();
        afterCommit.add(effect);
    }

    @Override
    public void afterCompletion(Consumer<TransactionOutcome> action) {
        requireActive();
        afterCompletion.add(action);
    }

    private void begin() {
        afterCommit.clear();
        afterCompletion.clear();
        active = true;
    }

    private void end(TransactionOutcome outcome) {
        active = false;
        if (outcome == TransactionOutcome.COMMITTED) {
            afterCommit.forEach(Runnable::run);
        }
        afterCompletion.forEach(action -> action.accept(outcome));
    }

    private void requireActive() {
        if (!active) {
            throw new IllegalStateException("no transaction");
        }
    }
}
