package io.switchboard.orchestrator.call.domain;

import java.util.Optional;

import io.switchboard.events.call.CallKey;
import io.switchboard.events.transaction.TransactionEffects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies facts to the calls of a partition, each to the call of its own key (provider, account,
 * provider call id), never to another account's call: the state machine decides, the store keeps the result,
 * and a new status or timeline step is published in the same transaction as the consumed record, with, for
 * the first snapshot of a requested call that ended, its request's {@code finished} outcome. Who answered (an
 * answering machine detection) is recorded the same way, without touching the status. If that
 * transaction rolls back, the store is put back as it was, so the retry sees the same state and publishes
 * the same records again (under the same ids).
 */
public final class CallTracker {

    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);

    private final CallStateMachine machine = new CallStateMachine();
    private final CallStore store;
    private final CallStatePublisher publisher;
    private final RequestOutcomePublisher outcomes;
    private final TransactionEffects transaction;
    private final CallMetrics metrics;

    public CallTracker(
            CallStore store,
            CallStatePublisher publisher,
            RequestOutcomePublisher outcomes,
            TransactionEffects transaction,
            CallMetrics metrics) {
        this.store = store;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    public void apply(int partition, CallFact fact) {
        if (store.isRetired(partition, fact.key())) {
            log.debug("Ignoring {} for call {}: it ended and was evicted", fact.status(), fact.key());
            return;
        }
        Call before = store.find(partition, fact.key()).orElse(null);
        CallUpdate update = machine.apply(before, fact);
        Optional<AnsweringMachineFact> held =
                before == null ? store.heldDetection(partition, fact.key()) : Optional.empty();
        if (held.isPresent()) {
            // Who answered was told before the call's first status: the call starts knowing it.
            update = new CallUpdate(
                    null, machine.apply(update.after(), held.get()).after());
            transaction.afterRollback(() -> store.hold(partition, held.get()));
            store.release(partition, fact.key());
        }
        commit(partition, fact.key(), update);
    }

    /**
     * Records who answered a call. Its status is left alone; the call's snapshot is published again with
     * {@code answeredBy} (once: a repeat finds it known). A call with no state yet gets it when its first fact
     * creates it.
     */
    public void apply(int partition, AnsweringMachineFact detection) {
        CallKey key = detection.key();
        if (store.isRetired(partition, key)) {
            log.debug("Ignoring the answering machine detection of call {}: it ended and was evicted", key);
            return;
        }
        Call before = store.find(partition, key).orElse(null);
        if (before == null) {
            if (store.heldDetection(partition, key).isEmpty()) {
                transaction.afterRollback(() -> store.release(partition, key));
                store.hold(partition, detection);
            }
            return;
        }
        commit(partition, key, machine.apply(before, detection));
    }

    private void commit(int partition, CallKey key, CallUpdate update) {
        if (!update.changed()) {
            return;
        }
        Call before = update.before();
        transaction.afterRollback(() -> store.restore(partition, key, before));
        store.save(partition, update.after());
        if (update.publishes()) {
            publisher.publish(partition, update.after());
        }
        if (update.finishesRequest()) {
            outcomes.finished(update.after());
        }
        if (update.statusChanged()) {
            transaction.afterCommit(() -> metrics.transitioned(update.after()));
        }
    }
}
