package io.switchboard.dialer.placement.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.switchboard.events.dialer.DialIntentRecorded;
import org.springframework.stereotype.Component;

/**
 * What this instance knows of the intents of the accounts it owns: the latest record per request, by
 * partition of {@code dialer-requests.v1}. A partition's intents are read whole from
 * {@code dialer-intents.v1} when it is assigned and forgotten when it is revoked, so the owner of an
 * account always decides with every intent of the account, whichever instance wrote them.
 */
@Component
public class DialIntents {

    private final Map<Integer, Map<String, DialIntentRecorded>> byPartition = new ConcurrentHashMap<>();

    /** Replaces what is known of {@code partition} with {@code intents}, oldest first (the latest wins). */
    public void load(int partition, Collection<DialIntentRecorded> intents) {
        var latest = new ConcurrentHashMap<String, DialIntentRecorded>();
        intents.forEach(intent -> latest.put(intent.key(), intent));
        byPartition.put(partition, latest);
    }

    public void forget(Collection<Integer> partitions) {
        partitions.forEach(byPartition::remove);
    }

    /** A record that is committed on {@code dialer-intents.v1}. */
    public void record(int partition, DialIntentRecorded intent) {
        byPartition.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).put(intent.key(), intent);
    }

    public Optional<DialIntentRecorded> of(int partition, String accountId, String requestId) {
        return Optional.ofNullable(
                byPartition.getOrDefault(partition, Map.of()).get(DialIntentRecorded.key(accountId, requestId)));
    }

    /** The calls already placed for an account's requests: none of them may be adopted by another request. */
    public Set<String> placedCallIds(int partition, String accountId) {
        return byPartition.getOrDefault(partition, Map.of()).values().stream()
                .filter(intent -> intent.accountId().equals(accountId))
                .filter(intent -> intent.state() == DialIntentRecorded.State.PLACED)
                .map(DialIntentRecorded::callId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
