package io.switchboard.ingress.webhook.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

class SendPlacementTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SendPlacement placement = new SendPlacement();
    private final AtomicReference<Thread> sentOn = new AtomicReference<>();

    @Test
    void whenNothingWasAcknowledgedYetThenTheSendRunsOffTheCallingThread() {
        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();

        assertThat(sentOn.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void whenTheLastSendWasAcknowledgedThenTheNextRunsOnTheCallingThread() {
        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();

        String result = placement.send(recording(CompletableFuture.completedFuture("acked again")), TIMEOUT).block();

        assertThat(sentOn.get()).isSameAs(Thread.currentThread());
        assertThat(result).isEqualTo("acked again");
    }

    @Test
    void whenASendFailedThenSendsRunOffTheCallingThreadUntilOneIsAcknowledged() {
        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();
        assertThatThrownBy(() -> placement.send(recording(
                CompletableFuture.failedFuture(new NotEnoughReplicasException("down"))), TIMEOUT).block())
                .isInstanceOf(NotEnoughReplicasException.class);

        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();
        assertThat(sentOn.get()).isNotSameAs(Thread.currentThread());

        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();
        assertThat(sentOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void whenASendTimedOutThenTheNextRunsOffTheCallingThread() {
        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();
        assertThatThrownBy(() -> placement.send(recording(new CompletableFuture<>()), Duration.ofMillis(50)).block())
                .hasCauseInstanceOf(TimeoutException.class);

        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();

        assertThat(sentOn.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void whenASendOnTheCallingThreadThrowsThenItFailsAsAFailedSendDoes() {
        placement.send(recording(CompletableFuture.completedFuture("acked")), TIMEOUT).block();

        assertThatThrownBy(() -> placement.send(() -> {
            throw new IllegalStateException("producer closed");
        }, TIMEOUT).block()).isInstanceOf(IllegalStateException.class).hasMessage("producer closed");
    }

    private Supplier<CompletableFuture<String>> recording(CompletableFuture<String> outcome) {
        return () -> {
            sentOn.set(Thread.currentThread());
            return outcome;
        };
    }
}
