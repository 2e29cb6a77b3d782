package io.switchboard.events.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.topic.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events signed in batches: the events published within {@code linger} of each other
 * (at most {@code maxBatch}) get one Ed25519 signature over their Merkle root, and each carries its
 * inclusion path, so every record still verifies alone. For a high-rate publisher outside Kafka
 * transactions (the webhook ingress): a signature costs more CPU than everything else an event
 * needs, and the producer batches records for {@code linger.ms} anyway.
 *
 * <p>{@link #publish} never blocks: it builds the envelope on the calling thread and hands it to
 * one signing thread, which signs each batch and sends its records. A {@code KafkaProducer.send}
 * that blocks (no metadata, full buffer) holds that thread, not the caller; callers bound their
 * wait on the returned future. With a zero linger a batch is what queued while the previous one was
 * being signed.
 */
public final class BatchSigningPublisher implements AutoCloseable {

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventEnvelopes envelopes;
    private final long lingerNanos;
    private final int maxBatch;
    private final IntConsumer batchSizes;
    private final ScheduledThreadPoolExecutor signer = new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("envelope-signer").daemon().factory());
    private final Object lock = new Object();
    private List<Pending> pending = new ArrayList<>();

    /** @param batchSizes told the size of every batch signed (e.g. a distribution summary) */
    public BatchSigningPublisher(
            KafkaTemplate<String, CloudEvent> template,
            EventEnvelopes envelopes,
            Duration linger,
            int maxBatch,
            IntConsumer batchSizes) {
        if (linger.isNegative() || maxBatch < 1) {
            throw new IllegalArgumentException("A signing batch needs a linger >= 0 and a size >= 1");
        }
        this.template = template;
        this.envelopes = envelopes;
        this.lingerNanos = linger.toNanos();
        this.maxBatch = maxBatch;
        this.batchSizes = batchSizes;
        // close() sends whatever is queued itself; a pending linger must not hold it up.
        signer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Completes when the broker acknowledged the record (or failed to); never blocks the caller. */
    public <T> CompletableFuture<SendResult<String, CloudEvent>> publish(
            Topic topic, String key, OutgoingEvent<T> event) {
        var future = new CompletableFuture<SendResult<String, CloudEvent>>();
        try {
            CloudEvent unsigned =
                    envelopes.unsigned(event.type(), event.id(), event.subject(), event.time(), event.payload());
            int queued;
            synchronized (lock) {
                pending.add(new Pending(topic, key, unsigned, future));
                queued = pending.size();
            }
            if (queued == maxBatch || (queued == 1 && lingerNanos == 0)) {
                signer.execute(this::flushAndGoOn);
            } else if (queued == 1) {
                signer.schedule(this::flushAndGoOn, lingerNanos, TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    private void flushAndGoOn() {
        if (flush()) {
            try {
                // What queued beyond a full batch while this thread was busy has waited long enough.
                signer.execute(this::flushAndGoOn);
            } catch (RejectedExecutionException closing) {
                // close() sends the rest.
            }
        }
    }

    /** Signs and sends one batch; whether more is queued. */
    private boolean flush() {
        List<Pending> batch;
        boolean more;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return false;
            }
            if (pending.size() <= maxBatch) {
                batch = pending;
                pending = new ArrayList<>(batch.size());
            } else {
                List<Pending> first = pending.subList(0, maxBatch);
                batch = new ArrayList<>(first);
                first.clear();
            }
            more = !pending.isEmpty();
        }
        List<CloudEvent> signed;
        try {
            signed = envelopes.signAll(batch.stream().map(Pending::event).toList());
        } catch (RuntimeException e) {
            batch.forEach(each -> each.future().completeExceptionally(e));
            return more;
        }
        batchSizes.accept(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending each = batch.get(i);
            try {
                template.send(each.topic().topicName(), each.key(), signed.get(i))
                        .whenComplete((result, error) -> {
                            if (error == null) {
                                each.future().complete(result);
                            } else {
                                each.future().completeExceptionally(error);
                            }
                        });
            } catch (RuntimeException e) {
                each.future().completeExceptionally(e);
            }
        }
        return more;
    }

    /** Sends what is queued, then stops the signing thread; later publishes fail. */
    @Override
    public void close() {
        try {
            signer.execute(() -> {
                while (flush()) {
                    // until nothing is queued
                }
            });
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        signer.shutdown();
        try {
            signer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(
            Topic topic, String key, CloudEvent event, CompletableFuture<SendResult<String, CloudEvent>> future) {}
}
