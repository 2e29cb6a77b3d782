package io.switchboard.events.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class SynchronizedTransactionEffectsTests {

    private final TransactionEffects effects = new SynchronizedTransactionEffects();
    private final NoResourceTransactionManager manager = new NoResourceTransactionManager();
    private final TransactionTemplate transactions = new TransactionTemplate(manager);
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void whenTheTransactionCommitsThenTheCommitEffectRunsAndTheUndoDoesNot() {
        // when
        transactions.executeWithoutResult(status -> registerAll());

        // then
        assertThat(heard).containsExactly("commit", "completion:COMMITTED");
    }

    @Test
    void whenTheTransactionRollsBackThenTheUndoRunsAndTheCommitEffectDoesNot() {
        // when
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    registerAll();
                    throw new IllegalStateException("listener failed");
                }))
                .hasMessage("listener failed");

        // then
        assertThat(heard).containsExactly("undo", "completion:ROLLED_BACK");
    }

    @Test
    void whenTheCommitEndsWithAnUnknownOutcomeThenTheUndoRunsAndTheCommitEffectDoesNot() {
        // given a commit that times out, as a Kafka commit can
        manager.commitFailure = new TransactionSystemException("commit timed out");

        // when
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> registerAll()))
                .isInstanceOf(TransactionSystemException.class);

        // then
        assertThat(heard).containsExactly("undo", "completion:UNKNOWN");
    }

    @Test
    void whenTheTransactionCommitsThenCompletionRunsAfterTheCommitEffectWhateverTheRegistrationOrder() {
        // when completion is registered before the commit effect
        transactions.executeWithoutResult(status -> {
            effects.afterCompletion(outcome -> heard.add("completion:" + outcome));
            effects.afterCommit(() -> heard.add("commit"));
        });

        // then
        assertThat(heard).containsExactly("commit", "completion:COMMITTED");
    }

    @Test
    void whenNothingIsRegisteredThenTheTransactionEndsQuietly() {
        // when
        transactions.executeWithoutResult(status -> {});

        // then
        assertThat(heard).isEmpty();
        assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
    }

    @Test
    void whenThereIsNoSynchronizedTransactionThenEveryMethodRefusesToRegister() {
        assertThatIllegalStateException()
                .isThrownBy(() -> effects.afterCommit(() -> heard.add("commit")))
                .withMessageContaining("transaction-id-prefix");
        assertThatIllegalStateException().isThrownBy(() -> effects.afterRollback(() -> heard.add("undo")));
        assertThatIllegalStateException().isThrownBy(() -> effects.afterCompletion(outcome -> heard.add("done")));
        assertThat(heard).isEmpty();
    }

    private void registerAll() {
        effects.afterCommit(() -> heard.add("commit"));
        effects.afterRollback(() -> heard.add("undo"));
        effects.afterCompletion(outcome -> heard.add("completion:" + outcome));
    }

    /** A transaction manager with synchronization always on and nothing to commit, like the Kafka one minus Kafka. */
    private static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        private RuntimeException commitFailure;

        NoResourceTransactionManager() {
            setTransactionSynchronization(SYNCHRONIZATION_ALWAYS);
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (commitFailure != null) {
                throw commitFailure;
            }
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
