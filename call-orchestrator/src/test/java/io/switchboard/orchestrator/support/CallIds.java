package io.switchboard.orchestrator.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.common.utils.Utils;

/** Unique ids per test, so tests sharing the broker never see each other's calls, numbers or accounts. */
public final class CallIds {

    private CallIds() {}

    public static String newCallId() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Another call id whose events land in the same partition (Kafka's default partitioner) as {@code callId}. */
    public static String newCallIdInPartitionOf(String callId) {
        int partition = partitionOf(callId);
        while (true) {
            String candidate = newCallId();
            if (partitionOf(candidate) == partition) {
                return candidate;
            }
        }
    }

    public static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % Topic.PROVIDER_EVENTS.partitions();
    }

    /** A San Francisco number that exists: an exchange from 200 to 999 (N11 codes left out, to be safe). */
    public static String newNumber() {
        var random = ThreadLocalRandom.current();
        int exchange;
        do {
            exchange = random.nextInt(200, 1000);
        } while (exchange % 100 == 11);
        return "+1415" + exchange + String.format("%04d", random.nextInt(10_000));
    }

    public static String newAccountId() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
