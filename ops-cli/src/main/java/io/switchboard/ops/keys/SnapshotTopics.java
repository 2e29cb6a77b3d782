package io.switchboard.ops.keys;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.ops.RefusedException;

/**
 * The catalogue's compacted topics, which keep each key's latest record for ever and so keep old keys'
 * signatures and seals, and the snapshot types each carries: the producers those types name are the
 * only ones whose key may re-sign the topic.
 */
final class SnapshotTopics {

    static final String ALL = "all";

    private static final Map<Topic, List<EventType<?>>> TYPES = Map.of(
            Topic.ACCOUNTS, List.of(EventTypes.ACCOUNT_CONFIGURED, EventTypes.ACCOUNT_CLOSED),
            Topic.WALLETS, List.of(EventTypes.WALLET_UPDATED),
            Topic.CALL_STATES, List.of(EventTypes.CALL_STATE_CHANGED),
            Topic.DO_NOT_CALL, List.of(EventTypes.DO_NOT_CALL_CHANGED),
            Topic.DIALER_CAMPAIGNS, List.of(EventTypes.CAMPAIGN_RECORDED));

    private SnapshotTopics() {}

    /** Every compacted topic of the catalogue, in catalogue order. */
    static List<Topic> all() {
        return Arrays.stream(Topic.values())
                .filter(topic -> topic.cleanup() == Topic.Cleanup.COMPACT)
                .toList();
    }

    static Topic named(String name) {
        return all().stream()
                .filter(topic -> topic.topicName().equals(name))
                .findFirst()
                .orElseThrow(() -> new RefusedException(name + " is not a compacted Switchboard topic; one of: "
                        + all().stream().map(Topic::topicName).collect(Collectors.joining(", "))));
    }

    /** {@value #ALL} or one compacted topic. */
    static List<Topic> namedOrAll(String name) {
        return ALL.equals(name) ? all() : List.of(named(name));
    }

    /** The snapshot types {@code topic} carries. */
    static List<EventType<?>> typesOf(Topic topic) {
        List<EventType<?>> types = TYPES.get(topic);
        if (types == null) {
            throw new IllegalStateException(topic.topicName() + " has no snapshot types listed here");
        }
        return types;
    }

    /** Refuses a producer that may not sign every snapshot type of {@code topic}: its key cannot re-sign it. */
    static void requireSignableBy(Topic topic, String producer) {
        for (EventType<?> type : typesOf(topic)) {
            if (!type.mayBeSignedBy(producer)) {
                throw new RefusedException(topic.topicName() + " carries " + type.token() + ", which only "
                        + type.producersText() + " may sign; the signing key belongs to " + producer
                        + ": run this with the configuration of the service that writes the topic");
            }
        }
    }
}
