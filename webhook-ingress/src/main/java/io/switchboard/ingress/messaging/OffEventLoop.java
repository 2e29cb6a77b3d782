package io.switchboard.ingress.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a Kafka send off the Netty event loop, because {@code KafkaTemplate.send} blocks while it
 * waits for metadata (up to {@code max.block.ms}), and bounds it by a timeout that covers that wait.
 * The timeout completes the future instead of cancelling the subscription: cancelling would
 * interrupt a blocked {@code KafkaProducer.send} (which then throws) and drop the late outcome as an
 * error nobody handles.
 */
public final class OffEventLoop {

    private static final Executor BLOCKING = task -> Schedulers.boundedElastic().schedule(task);

    private OffEventLoop() {}

    /** The send's result, or a {@link java.util.concurrent.TimeoutException} once {@code timeout} passed. */
    public static <T> Mono<T> send(Supplier<CompletableFuture<T>> send, Duration timeout) {
        return Mono.fromFuture(
                        () -> CompletableFuture.supplyAsync(send, BLOCKING)
                                .thenCompose(future -> future)
                                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS),
                        true)
                .onErrorMap(CompletionException.class, e -> e.getCause() == null ? e : e.getCause());
    }
}
