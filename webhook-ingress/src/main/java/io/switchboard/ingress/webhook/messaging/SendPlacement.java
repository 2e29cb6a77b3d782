package io.switchboard.ingress.webhook.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.switchboard.ingress.messaging.OffEventLoop;
import reactor.core.publisher.Mono;

/**
 * Where a provider event's send runs. {@code KafkaProducer.send} blocks its caller only while it has
 * no metadata for the topic (up to {@code max.block.ms}) or its buffer is full, and neither happens
 * while the broker acknowledges what we send. So once a send was acknowledged, the next ones run on
 * the calling thread, the Netty event loop, which saves handing every webhook to another thread and
 * back (about a fifth of the ingress's CPU per request, docs/benchmarks.md). Before the first
 * acknowledgement, and from any send that failed or timed out until one is acknowledged again,
 * sends run off the event loop ({@link OffEventLoop#send}), so an unreachable broker never holds it.
 */
final class SendPlacement {

    private volatile boolean acknowledging;

    <T> Mono<T> send(Supplier<CompletableFuture<T>> send, Duration timeout) {
        Mono<T> placed = acknowledging
                ? OffEventLoop.sendOnCallingThread(send, timeout)
                : OffEventLoop.send(send, timeout);
        return placed
                .doOnSuccess(result -> acknowledging = true)
                .doOnError(error -> acknowledging = false);
    }
}
