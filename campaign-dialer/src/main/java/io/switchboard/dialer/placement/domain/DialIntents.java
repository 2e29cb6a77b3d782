package io.switchboard.dialer.placement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import org.springframework.stereotype.Component;

/**
 * What this instance knows of the intents of the accounts it owns: the latest record per request, by
 * partition of {@code dialer-requests.v1}. A partition's intents are read whole from
 * {@code dialer-intents.v1} when it is assigned and forgotten when it is revoked, so the owner of an
 * account always decides with every intent of the account, whichever instance wrote them.
 *
 * <p>Scheduled requests are also indexed by due time, for the owner to fire each when it comes due.
 *
 * <p>The requests of each campaign that are intended or placed are indexed by campaign, for the owner to keep
 * each campaign within its concurrent calls.
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
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The account's intents that may still hold part of its wallet (see {@link WalletHolds}). */
    public List<DialIntentRecorded> holding(int partition, String accountId) {
        return List.copyOf(
                partition(partition).holding.getOrDefault(accountId, Map.of()).values());
    }

    /**
     * The scheduled requests of the partitions owned here that are due by {@code until}, earliest first, with their
     * partition.
     */
    public List<Owned> dueBy(Instant until) {
        List<Owned> due = new ArrayList<>();
        byPartition.forEach((partition, known) -> {
            for (DialIntentRecorded intent : known.scheduled) {
                if (intent.dueAt().isAfter(until)) {
                    break;
                }
                due.add(new Owned(partition, intent));
            }
        });
        due.sort(Comparator.comparing(owned -> owned.intent().dueAt()));
        return due;
    }

    /** Every scheduled request of the partitions owned here, with its partition. */
    public List<Owned> scheduled() {
        List<Owned> scheduled = new ArrayList<>();
        byPartition.forEach(
                (partition, known) -> known.scheduled.forEach(intent -> scheduled.add(new Owned(partition, intent))));
        return scheduled;
    }

    /**
     * How many of the campaign's requests are intended or placed at {@code now}: queued, being dialed or in a call.
     * One whose hold lease ({@code heldUntil}) has ended no longer counts, so that a settlement that never comes
     * cannot keep a campaign's slot for ever.
     */
    public int inProgress(int partition, String accountId, String campaignId, Instant now) {
        return (int)
                partition(partition)
                        .inProgress
                        .getOrDefault(CampaignRecorded.key(accountId, campaignId), Map.of())
                        .values()
                        .stream()
                        .filter(intent ->
                                intent.heldUntil() == null || intent.heldUntil().isAfter(now))
                        .count();
    }

    /**
     * When the account's calls to {@code to} were made, whatever request made them: placed, ended, or intended (not
     * placed yet, counted from when it was admitted), for the cap on how often one person is called.
     */
    public List<Instant> callsTo(int partition, String accountId, String to) {
        return List.copyOf(partition(partition)
                .callsTo
                .getOrDefault(accountId + "/" + to, Map.of())
                .values());
    }

    /**
     * The campaign's calls that ended after {@code since}, by request key: when, and whether they failed (the
     * provider's final status {@code failed}).
     */
    public Map<String, End> endsOf(int partition, String accountId, String campaignId, Instant since) {
        Map<String, End> ends = new HashMap<>();
        partition(partition)
                .ends
                .getOrDefault(CampaignRecorded.key(accountId, campaignId), Map.of())
                .forEach((key, end) -> {
                    if (end.at().isAfter(since)) {
                        ends.put(key, end);
                    }
                });
        return ends;
    }

    /** A call of a campaign that ended {@code at}, failed or not. */
    public record End(Instant at, boolean failed) {

        public static End of(DialIntentRecorded ended) {
            return new End(ended.recordedAt(), FAILED.equals(ended.reason()));
        }
    }

    /** The provider's final status of a call that failed to connect (Twilio's {@code failed}). */
    private static final String FAILED = "failed";

    /** An intent of partition {@code partition}. */
    public record Owned(int partition, DialIntentRecorded intent) {}

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

    private static final Comparator<DialIntentRecorded> BY_DUE_TIME =
            Comparator.comparing(DialIntentRecorded::dueAt).thenComparing(intent -> intent.key());

    private static final class Partition {

        static final Partition EMPTY = new Partition();

        final Map<String, DialIntentRecorded> latest = new ConcurrentHashMap<>();
        final Map<String, Map<String, DialIntentRecorded>> holding = new ConcurrentHashMap<>();
        /** The scheduled requests by due time: what comes due next is found without walking every request. */
        final NavigableSet<DialIntentRecorded> scheduled = new ConcurrentSkipListSet<>(BY_DUE_TIME);
        /** Per number called ({@code accountId/to}): when each request's call was made, by request key. */
        final Map<String, Map<String, Instant>> callsTo = new ConcurrentHashMap<>();
        /** Per campaign ({@code accountId/campaignId}): its calls that ended, by request key. */
        final Map<String, Map<String, End>> ends = new ConcurrentHashMap<>();
        /** Per campaign ({@code accountId/campaignId}): its requests intended or placed. */
        final Map<String, Map<String, DialIntentRecorded>> inProgress = new ConcurrentHashMap<>();

        void record(DialIntentRecorded intent) {
            DialIntentRecorded previous = latest.put(intent.key(), intent);
            if (previous != null && previous.state() == State.SCHEDULED && previous.dueAt() != null) {
                scheduled.remove(previous);
            }
            if (intent.state() == State.SCHEDULED && intent.dueAt() != null) {
                scheduled.add(intent);
            }
            recordCall(intent);
            String campaignId = CampaignRecorded.campaignOf(intent.requestId());
            if (campaignId != null) {
                String campaign = CampaignRecorded.key(intent.accountId(), campaignId);
                if (intent.state() == State.INTENDED || intent.state() == State.PLACED) {
                    inProgress
                            .computeIfAbsent(campaign, c -> new ConcurrentHashMap<>())
                            .put(intent.key(), intent);
                } else if (inProgress.containsKey(campaign)) {
                    inProgress.get(campaign).remove(intent.key());
                }
                if (intent.state() == State.ENDED && intent.callId() != null) {
                    ends.computeIfAbsent(campaign, c -> new ConcurrentHashMap<>())
                            .put(intent.key(), End.of(intent));
                }
            }
            Map<String, DialIntentRecorded> account =
                    holding.computeIfAbsent(intent.accountId(), id -> new ConcurrentHashMap<>());
            if (holds(intent)) {
                account.put(intent.key(), intent);
            } else {
                account.remove(intent.key());
            }
        }

        private void recordCall(DialIntentRecorded intent) {
            if (intent.to() == null) {
                return;
            }
            String number = intent.accountId() + "/" + intent.to();
            switch (intent.state()) {
                case INTENDED ->
                    callsTo.computeIfAbsent(number, n -> new ConcurrentHashMap<>())
                            .putIfAbsent(intent.key(), intent.recordedAt());
                case PLACED ->
                    callsTo.computeIfAbsent(number, n -> new ConcurrentHashMap<>())
                            .put(intent.key(), intent.recordedAt());
                case ENDED -> {
                    if (intent.callId() != null) {
                        callsTo.computeIfAbsent(number, n -> new ConcurrentHashMap<>())
                                .putIfAbsent(intent.key(), intent.recordedAt());
                    }
                }
                case REJECTED, CANCELLED -> {
                    Map<String, Instant> calls = callsTo.get(number);
                    if (calls != null) {
                        calls.remove(intent.key());
                    }
                }
                case SCHEDULED -> {}
            }
        }

        private static boolean holds(DialIntentRecorded intent) {
            return intent.held() != null && intent.held().signum() > 0 && intent.state() != State.REJECTED;
        }
    }
}
