package io.switchboard.orchestrator.call.messaging;

import io.switchboard.orchestrator.call.domain.TransactionOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hooks into the listener container's Kafka transaction (synchronization is switched on in
 * {@code OrchestratorConfig}). Outside a transaction it refuses: applying a call change with no
 * way to undo it would let memory and call-states.v1 drift apart.
 */
@Component
class SpringTransactionOutcome implements TransactionOutcome {

    @Override
    public void onCommit(Runnable action) {
        register(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public void onRollback(Runnable action) {
        register(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // Unknown counts as rolled back: the record is redelivered, and a snapshot published
                // twice has the same deterministic id, which readers already deduplicate.
                if (status != STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private static void register(TransactionSynchronization synchronization) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Call changes must be applied inside a synchronized Kafka transaction");
        }
        TransactionSynchronizationManager.registerSynchronization(synchronization);
    }
}
