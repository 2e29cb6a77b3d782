package io.switchboard.events.transaction;

import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link TransactionEffects} on Spring's transaction synchronization, which the Kafka transaction
 * manager of {@code SwitchboardEventsAutoConfiguration} keeps switched on.
 */
public final class SynchronizedTransactionEffects implements TransactionEffects {

    @Override
    public void afterCommit(Runnable effect) {
        register(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                effect.run();
            }
        });
    }

    @Override
    public void afterCompletion(Consumer<TransactionOutcome> action) {
        register(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.accept(
                        switch (status) {
                            case STATUS_COMMITTED -> TransactionOutcome.COMMITTED;
                            case STATUS_ROLLED_BACK -> TransactionOutcome.ROLLED_BACK;
                            default -> TransactionOutcome.UNKNOWN;
                        });
            }
        });
    }

    private static void register(TransactionSynchronization synchronization) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(
                    "in-memory effects need a synchronized Kafka transaction (is spring.kafka.producer.transaction-id-prefix set?)");
        }
        TransactionSynchronizationManager.registerSynchronization(synchronization);
    }
}
