package io.switchboard.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublishDeadlineTests {

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final String WHAT = "switchboard.billing.call-charged.v1 evt-1 on switchboard.ledger.v1";

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void whenEverySendIsAcknowledgedThenAwaitReturns() {
        // given
        CompletableFuture<String> first = CompletableFuture.completedFuture("acked");
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(() -> second.complete("acked"));

        // when / then
        assertThatNoException().isThrownBy(() -> PublishDeadline.await(Duration.ofSeconds(5), WHAT, first, second));
    }

    @Test
    void whenASendFailsThenAwaitThrowsPublishFailedWithTheBrokersCause() {
        // given
        var refused = new RecordTooLargeException("too large");
        CompletableFuture<String> ok = CompletableFuture.completedFuture("acked");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(refused);

        // when / then
        assertThatThrownBy(() -> PublishDeadline.await(TIMEOUT, WHAT, ok, failed))
                .isInstanceOf(PublishFailedException.class)
                .hasMessage("the broker did not take " + WHAT)
                .hasCause(refused);
    }

    @Test
    void whenTheBrokerDoesNotAnswerInTimeThenAwaitThrowsPublishFailedNamingTheTimeout() {
        // given a send nobody acknowledges
        CompletableFuture<String> silent = new CompletableFuture<>();

        // when / then
        assertThatThrownBy(() -> PublishDeadline.await(TIMEOUT, WHAT, silent))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining(WHAT)
                .hasMessageContaining("within " + TIMEOUT)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(silent).isNotDone();
    }

    @Test
    void whenTheWaitingThreadIsInterruptedThenAwaitThrowsPublishFailedAndKeepsTheInterrupt() {
        // given
        CompletableFuture<String> silent = new CompletableFuture<>();
        Thread.currentThread().interrupt();

        // when / then
        assertThatThrownBy(() -> PublishDeadline.await(Duration.ofSeconds(5), WHAT, silent))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void whenTheSendIsAcknowledgedInTimeThenBoundedCompletesWithItsResult() throws Exception {
        // given
        CompletableFuture<String> send = new CompletableFuture<>();

        // when
        CompletableFuture<String> bounded = PublishDeadline.bounded(send, Duration.ofSeconds(5), WHAT);
        send.complete("acked");

        // then
        assertThat(bounded.get(5, TimeUnit.SECONDS)).isEqualTo("acked");
    }

    @Test
    void whenTheSendFailsThenBoundedFailsWithPublishFailedAndTheBrokersCause() {
        // given
        var refused = new RecordTooLargeException("too large");
        CompletableFuture<String> send = new CompletableFuture<>();

        // when
        CompletableFuture<String> bounded = PublishDeadline.bounded(send, Duration.ofSeconds(5), WHAT);
        send.completeExceptionally(refused);

        // then
        assertThatThrownBy(() -> bounded.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(PublishFailedException.class)
                .hasMessage("the broker did not take " + WHAT)
                .hasCause(refused);
    }

    @Test
    void whenTheBrokerDoesNotAnswerInTimeThenBoundedFailsWithPublishFailedNamingTheTimeout() {
        // given
        CompletableFuture<String> silent = new CompletableFuture<>();

        // when
        CompletableFuture<String> bounded = PublishDeadline.bounded(silent, TIMEOUT, WHAT);

        // then
        assertThatThrownBy(() -> bounded.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(PublishFailedException.class)
                .hasMessage("the broker did not acknowledge " + WHAT + " within " + TIMEOUT)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void whenBoundedTimesOutThenTheSendItselfIsLeftToFinish() {
        // given a send that times out
        CompletableFuture<String> send = new CompletableFuture<>();
        CompletableFuture<String> bounded = PublishDeadline.bounded(send, TIMEOUT, WHAT);
        assertThatThrownBy(() -> bounded.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        // when the broker acknowledges it late
        boolean lateAck = send.complete("acked late");

        // then the send was neither cancelled nor failed by the deadline, and the bounded view stays failed
        assertThat(lateAck).isTrue();
        assertThat(send).isCompletedWithValue("acked late");
        assertThat(bounded).isCompletedExceptionally();
    }
}
