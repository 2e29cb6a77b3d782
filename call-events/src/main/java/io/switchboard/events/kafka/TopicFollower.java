package io.switchboard.events.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Materializes a topic every instance needs whole (a compacted snapshot topic such as accounts.v1 or
 * wallets.v1) with one consumer that replays every partition from the beginning and then keeps following
 * it, so there is no gap between the replay and the live updates. It assigns partitions itself (no group,
 * no commits: every instance needs every record, from the start, on every start) and hands each record to
 * {@code handler} on its one thread. {@link #isLoaded()} turns true once the replay reached the end offsets
 * taken when it began; until then the service's view is incomplete and should not be answered from. It runs
 * on a thread of its own, so a broker that is down delays readiness, not start-up. A record that cannot be
 * decoded is skipped and counted ({@link SkippedRecords}).
 */
public final class TopicFollower implements SmartLifecycle, FollowedTopic {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final long PARTITION_CHECK_NANOS = Duration.ofMinutes(5).toNanos();

    private final String topic;
    /** Makes a consumer of the follower's settings, its client id ending in the role given. */
    private final Function<String, Consumer<String, CloudEvent>> consumers;

    private final java.util.function.Consumer<ConsumerRecord<String, CloudEvent>> handler;
    private final SkippedRecords skipped;
    private volatile boolean running;
    private volatile boolean loaded;
    private final Queue<CompletableFuture<Void>> requestedBarriers = new ConcurrentLinkedQueue<>();
    private final List<Barrier> barriers = new ArrayList<>();
    private volatile Consumer<String, CloudEvent> consumer;
    private Thread thread;

    /**
     * @param consumers makes the follower's consumers, without a group (see {@link #of}): one that reads, and
     *                  one that only asks for end offsets, on a connection of its own: the broker answers a
     *                  connection's requests in order, so asked on the reading one they would wait behind a fetch
     *                  the broker holds back for lack of new records ({@code fetch.max.wait.ms}, 500 ms)
     * @param handler   applies one record; called on the follower's thread only
     */
    TopicFollower(
            Topic topic,
            Function<String, Consumer<String, CloudEvent>> consumers,
            java.util.function.Consumer<ConsumerRecord<String, CloudEvent>> handler,
            SkippedRecords skipped) {
        this.topic = topic.topicName();
        this.consumers = consumers;
        this.handler = handler;
        this.skipped = skipped;
    }

    /**
     * A follower of {@code topic} reading CloudEvents with the service's own consumer settings, changed as
     * a follower needs: no group and nothing committed, committed records only, and never creating the
     * topic (the catalogue creates it with its settings).
     */
    public static TopicFollower of(
            Topic topic,
            Map<String, Object> baseConsumerProperties,
            String clientId,
            java.util.function.Consumer<ConsumerRecord<String, CloudEvent>> handler,
            SkippedRecords skipped) {
        Map<String, Object> properties = new HashMap<>(baseConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Map<String, Object> settings = Map.copyOf(properties);
        return new TopicFollower(
                topic,
                role -> {
                    var values = new CloudEventDeserializer();
                    values.configure(Map.of(), false);
                    var withClientId = new HashMap<>(settings);
                    withClientId.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + role);
                    return new KafkaConsumer<>(withClientId, new StringDeserializer(), values);
                },
                handler,
                skipped);
    }

    /** Whether the records that were on the topic when the follower started have all been applied. */
    @Override
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Waits until every record committed to the topic before this call has been applied: what a decision
     * that refuses something for what the view lacks (an account not found, a balance too low) reads first,
     * so that it cannot be refused for a record written a moment before it.
     *
     * @return false when that could not be done within {@code timeout} (the broker unreachable, say)
     */
    @Override
    public boolean awaitCurrent(Duration timeout) {
        var barrier = new CompletableFuture<Void>();
        requestedBarriers.add(barrier);
        Consumer<String, CloudEvent> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            barrier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(topic + "-follower").daemon().start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, CloudEvent> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        try (Consumer<String, CloudEvent> created = consumers.apply("");
                Consumer<String, CloudEvent> ends = consumers.apply("-end-offsets")) {
            consumer = created;
            Map<TopicPartition, Long> replayEnd = null;
            long nextPartitionCheck = System.nanoTime();
            boolean failing = false;
            while (running) {
                try {
                    if (created.assignment().isEmpty() || System.nanoTime() - nextPartitionCheck >= 0) {
                        assignNewPartitions(created, topic);
                        // Assigned too (never polled), so that the stable offsets it learns have somewhere to go.
                        ends.assign(created.assignment());
                        nextPartitionCheck = System.nanoTime() + PARTITION_CHECK_NANOS;
                    }
                    if (created.assignment().isEmpty()) {
                        pause();
                        continue;
                    }
                    if (replayEnd == null && !loaded) {
                        replayEnd = ends.endOffsets(created.assignment(), METADATA_TIMEOUT);
                    }
                    takeBarriers(created, ends);
                    // Already read up to them: answered now, not after a poll that may wait for nothing.
                    releaseBarriers(created);
                    for (ConsumerRecord<String, CloudEvent> record : created.poll(POLL)) {
                        handler.accept(record);
                    }
                    if (!loaded && caughtUp(created, replayEnd)) {
                        loaded = true;
                        log.info("Read {} to its end; following it", topic);
                    }
                    releaseBarriers(created);
                    failing = false;
                } catch (WakeupException e) {
                    // stop() asked; the loop condition ends it
                } catch (RecordDeserializationException e) {
                    skipUndecodable(e);
                    created.seek(e.topicPartition(), e.offset() + 1);
                } catch (KafkaException e) {
                    if (!failing) {
                        log.warn("Cannot read {} yet, retrying: {}", topic, e.toString());
                    }
                    failing = true;
                    pause();
                }
            }
        }
    }

    /**
     * The end offsets of now are what the barriers asked for since the last round must be read up to. Taken
     * only once the end offsets are known: a failure to read them (a wake-up, the broker away) leaves them
     * asked for, to be taken in the next round.
     */
    private void takeBarriers(Consumer<String, CloudEvent> consumer, Consumer<String, CloudEvent> ends) {
        int asked = requestedBarriers.size();
        if (asked == 0) {
            return;
        }
        Map<TopicPartition, Long> end = ends.endOffsets(consumer.assignment(), METADATA_TIMEOUT);
        // Only those asked for before the end offsets were read: a later one waits for the next round's.
        for (int i = 0; i < asked; i++) {
            barriers.add(new Barrier(requestedBarriers.remove(), end));
        }
    }

    private void releaseBarriers(Consumer<String, CloudEvent> consumer) {
        barriers.removeIf(barrier -> {
            if (caughtUp(consumer, barrier.end())) {
                barrier.future().complete(null);
                return true;
            }
            return barrier.future().isDone();
        });
    }

    private record Barrier(CompletableFuture<Void> future, Map<TopicPartition, Long> end) {}

    private void skipUndecodable(RecordDeserializationException e) {
        String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        skipped.skip(
                e.topicPartition().topic(),
                e.topicPartition().partition(),
                e.offset(),
                SkippedRecords.UNDECODABLE,
                detail);
    }

    /** Assigns the topic's partitions not assigned yet, each read from its beginning. */
    private static void assignNewPartitions(Consumer<String, CloudEvent> consumer, String topic) {
        Set<TopicPartition> all = new HashSet<>();
        consumer.partitionsFor(topic, METADATA_TIMEOUT)
                .forEach(info -> all.add(new TopicPartition(topic, info.partition())));
        List<TopicPartition> added =
                all.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        if (added.isEmpty()) {
            return;
        }
        consumer.assign(all);
        consumer.seekToBeginning(added);
        log.info("Reading {} partitions {} from the beginning", topic, added);
    }

    private static boolean caughtUp(Consumer<String, CloudEvent> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), METADATA_TIMEOUT) >= e.getValue());
    }

    /** Backs off between attempts while the topic is missing or the broker unreachable. */
    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
