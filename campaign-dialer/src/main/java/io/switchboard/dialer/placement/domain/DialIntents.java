package io.switchboard.dialer.placement.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import org.springframework.stereotype.Component;

/**
 * What this instance knows of the intents of the accounts it owns: the latest record per request, by
 * partition of {@code dialer-requests.v1}. A partition's intents are read whole from
 * {@code dialer-intents.v1} when it is assigned and forgotten when it is revoked, so the owner of an
 * account always decides with every intent of the account, whichever instance wrote them.
 *
 * <p>The intents that hold part of a wallet (intended, placed, or ended but not yet in the balance read) are
 * also indexed by account, so that what an account holds is summed over its few open calls, not over every
 * request it ever made.
 */
@Component
public class DialIntents {

    private final Map<Integer, Partition> byPartition = new ConcurrentHashMap<>();

    /** Replaces what is known of {@code partition} with {@code intents}, oldest first (the latest wins). */
    public void load(int partition, Collection<DialIntentRecorded> intents) {
        var loaded = new Partition();
        intents.forEach(loaded::record);
        byPartition.put(partition, loaded);
    }

    public void forget(Collection<Integer> partitions) {
        partitions.forEach(byPartition::remove);
    }

    /** A record that is committed on {@code dialer-intents.v1}. */
    public void record(int partition, DialIntentRecorded intent) {
        byPartition.computeIfAbsent(partition, p -> new Partition()).record(intent);
    }

    /** Whether {@code partition}'s intents were read here: this instance owns its accounts. */
    public boolean owns(int partition) {
        return byPartition.containsKey(partition);
    }

    public Optional<DialIntentRecorded> of(int partition, String accountId, String requestId) {
        return Optional.ofNullable(partition(partition).latest.get(DialIntentRecorded.key(accountId, requestId)));
    }

    /** The calls already placed for an account's requests: none of them may be adopted by another request. */
    public Set<String> placedCallIds(int partition, String accountId) {
        return partition(partition).latest.values().stream()
                .filter(intent -> intent.accountId().equals(accountId))
                .filter(intent -> intent.state() == State.PLACED || intent.state() == State.ENDED)
                .map(DialIntentRecorded::callId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The account's intents that may still hold part of its wallet (see {@link WalletHolds}). */
    public List<DialIntentRecorded> holding(int partition, String accountId) {
        return List.copyOf(
                partition(partition).holding.getOrDefault(accountId, Map.of()).values());
    }

    /** The ended call's settlement is in the balance read: it holds nothing any more. */
    public void released(int partition, DialIntentRecorded ended) {
        Map<String, DialIntentRecorded> holding = partition(partition).holding.get(ended.accountId());
        if (holding != null) {
            holding.remove(ended.key(), ended);
        }
    }

    private Partition partition(int partition) {
        return byPartition.getOrDefault(partition, Partition.EMPTY);
    }

    private static final class Partition {

        static final Partition EMPTY = new Partition();

        final Map<String, DialIntentRecorded> latest = new ConcurrentHashMap<>();
        final Map<String, Map<String, DialIntentRecorded>> holding = new ConcurrentHashMap<>();

        void record(DialIntentRecorded intent) {
            latest.put(intent.key(), intent);
            Map<String, DialIntentRecorded> account =
                    holding.computeIfAbsent(intent.accountId(), id -> new ConcurrentHashMap<>());
            if (holds(intent)) {
                account.put(intent.key(), intent);
            } else {
                account.remove(intent.key());
            }
        }

        private static boolean holds(DialIntentRecorded intent) {
            return intent.held() != null && intent.held().signum() > 0 && intent.state() != State.REJECTED;
        }
    }
}
