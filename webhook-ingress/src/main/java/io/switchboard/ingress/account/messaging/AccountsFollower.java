package io.switchboard.ingress.account.messaging;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.account.domain.AccountDirectory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Materializes accounts.v1 with one consumer that replays every partition from the beginning and
 * then keeps following it, so there is no gap between the replay and the live updates. It assigns partitions itself (no group, no commits: every instance
 * needs all accounts, from the start, on every start). The directory answers lookups only once the
 * replay reached the end offsets taken when it began; until then readiness is down and webhooks
 * get 503. It runs on a thread of its own, so a broker that is down delays readiness, not start-up.
 */
public class AccountsFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountsFollower.class);
    private static final String TOPIC = Topic.ACCOUNTS.topicName();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final long PARTITION_CHECK_NANOS = Duration.ofMinutes(5).toNanos();

    private final Supplier<Consumer<String, CloudEvent>> consumers;
    private final AccountsUpdater updater;
    private final AccountDirectory directory;
    private final SkippedRecords skipped;
    private volatile boolean running;
    private volatile Consumer<String, CloudEvent> consumer;
    private Thread thread;

    AccountsFollower(
            Supplier<Consumer<String, CloudEvent>> consumers,
            AccountsUpdater updater,
            AccountDirectory directory,
            SkippedRecords skipped) {
        this.consumers = consumers;
        this.updater = updater;
        this.directory = directory;
        this.skipped = skipped;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("accounts-follower").daemon().start(this::follow);
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
        try (Consumer<String, CloudEvent> created = consumers.get()) {
            consumer = created;
            Map<TopicPartition, Long> replayEnd = null;
            long nextPartitionCheck = System.nanoTime();
            boolean failing = false;
            while (running) {
                try {
                    if (created.assignment().isEmpty() || System.nanoTime() - nextPartitionCheck >= 0) {
                        assignNewPartitions(created);
                        nextPartitionCheck = System.nanoTime() + PARTITION_CHECK_NANOS;
                    }
                    if (created.assignment().isEmpty()) {
                        pause();
                        continue;
                    }
                    if (replayEnd == null && !directory.isLoaded()) {
                        replayEnd = created.endOffsets(created.assignment(), METADATA_TIMEOUT);
                    }
                    for (ConsumerRecord<String, CloudEvent> record : created.poll(POLL)) {
                        updater.apply(record);
                    }
                    if (!directory.isLoaded() && caughtUp(created, replayEnd)) {
                        directory.markLoaded();
                        log.info("Loaded {} accounts from {}; following it", directory.accountCount(), TOPIC);
                    }
                    failing = false;
                } catch (WakeupException e) {
                    // stop() asked; the loop condition ends it
                } catch (RecordDeserializationException e) {
                    skipUndecodable(e);
                    created.seek(e.topicPartition(), e.offset() + 1);
                } catch (KafkaException e) {
                    if (!failing) {
                        log.warn("Cannot read {} yet, retrying: {}", TOPIC, e.toString());
                    }
                    failing = true;
                    pause();
                }
            }
        }
    }

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
    private static void assignNewPartitions(Consumer<String, CloudEvent> consumer) {
        Set<TopicPartition> all = new HashSet<>();
        consumer.partitionsFor(TOPIC, METADATA_TIMEOUT)
                .forEach(info -> all.add(new TopicPartition(TOPIC, info.partition())));
        List<TopicPartition> added =
                all.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        if (added.isEmpty()) {
            return;
        }
        consumer.assign(all);
        consumer.seekToBeginning(added);
        log.info("Reading {} partitions {} from the beginning", TOPIC, added);
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
