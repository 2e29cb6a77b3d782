package io.switchboard.orchestrator.call.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class SpringTransactionOutcomeTests {

    private final SpringTransactionOutcome outcome = new SpringTransactionOutcome();
    private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactionManager());
    private final List<String> heard = new ArrayList<>();

    @Test
    void whenTransactionCommitsThenOnlyTheCommitActionRuns() {
        // when work registers both actions and its transaction commits
        transactions.executeWithoutResult(status -> register());

        // then
        assertThat(heard).containsExactly("commit");
    }

    @Test
    void whenTransactionRollsBackThenOnlyTheRollbackActionRuns() {
        // when work registers both actions and then fails
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            register();
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(heard).containsExactly("rollback");
    }

    @Test
    void whenThereIsNoTransactionThenRegisteringFails() {
        assertThatThrownBy(this::register).isInstanceOf(IllegalStateException.class);
    }

    private void register() {
        outcome.onCommit(() -> heard.add("commit"));
        outcome.onRollback(() -> heard.add("rollback"));
    }

    /** A transaction manager with synchronization on and nothing to commit, like ours minus Kafka. */
    private static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        NoResourceTransactionManager() {
            setTransactionSynchronization(SYNCHRONIZATION_ALWAYS);
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
