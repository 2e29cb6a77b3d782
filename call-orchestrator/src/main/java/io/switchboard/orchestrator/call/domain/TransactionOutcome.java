package io.switchboard.orchestrator.call.domain;

/** Lets in-memory effects follow the fate of the transaction the current record is applied in. */
public interface TransactionOutcome {

    void onCommit(Runnable action);

    void onRollback(Runnable action);
}
