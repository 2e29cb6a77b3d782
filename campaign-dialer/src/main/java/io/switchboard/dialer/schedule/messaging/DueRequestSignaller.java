package io.switchboard.dialer.schedule.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.campaign.domain.CampaignGate;
import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.dialer.placement.messaging.DialerEventPublisher;
import io.switchboard.dialer.schedule.config.ScheduleProperties;
import io.switchboard.events.dialer.CallRequestDue;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.OutgoingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the scheduled requests of the accounts this instance owns and, when one comes due, writes a
 * {@link CallRequestDue} to the account's partition of {@code dialer-requests.v1}, where the request is fired in
 * the partition's order (see {@code ScheduledRequests}). The signal may be written twice (a transaction lost, an
 * owner replaced): applying it is what fires, once. A signal not applied after {@code signal-again-after} is
 * written again. A request due far ahead is signalled every {@code refresh-after} too, so that its record is written
 * again before the intents topic's retention would drop it.
 *
 * <p>A campaign's due requests are signalled only as the campaign allows ({@link CampaignGate}): none while it is
 * paused, and no more than its free concurrent calls, counting the signals on their way. The rest stay due and are
 * signalled as calls end, earliest first.
 */
@Component
class DueRequestSignaller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueRequestSignaller.class);

    /** Due signals written in one Kafka transaction at most. */
    private static final int PER_TRANSACTION = 500;

    private final DialIntents intents;
    private final CampaignGate campaigns;
    private final DialerEventPublisher publisher;
    private final ScheduleProperties properties;
    private final Clock clock;
    /** Per request key: the due time last signalled and when, so that a signal in flight is not repeated at once. */
    private final Map<String, Signalled> signalled = new ConcurrentHashMap<>();

    private volatile boolean running;
    private Thread loop;

    DueRequestSignaller(
            DialIntents intents,
            CampaignGate campaigns,
            DialerEventPublisher publisher,
            ScheduleProperties properties,
            Clock clock) {
        this.intents = intents;
        this.campaigns = campaigns;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        loop = Thread.ofPlatform().name("dialer-due-requests").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Instant nextRefresh = Instant.MIN;
        while (running) {
            try {
                Instant now = clock.instant();
                signal(campaignsAllow(intents.dueBy(now), now), now);
                if (!now.isBefore(nextRefresh)) {
                    refresh(now);
                    nextRefresh = now.plus(refreshCheckEvery());
                }
            } catch (RuntimeException e) {
                log.warn("Signalling due requests failed; trying again", e);
            }
            try {
                Thread.sleep(properties.checkEvery());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The due requests whose campaign (if any) lets them go now: none of a paused campaign, and of an active one no
     * more than its free concurrent calls less the signals still on their way; a cancelled campaign's go, to be
     * rejected, and those over the cap on calls to one person go, to be scheduled for when the cap allows.
     */
    private List<DialIntents.Owned> campaignsAllow(List<DialIntents.Owned> due, Instant now) {
        Map<String, Integer> onTheirWay = new HashMap<>();
        for (DialIntents.Owned owned : due) {
            if (recentlySignalled(owned.intent(), now)) {
                onTheirWay.merge(campaignKey(owned.intent()), 1, Integer::sum);
            }
        }
        List<DialIntents.Owned> allowed = new ArrayList<>();
        // A campaign held once in a pass stays held in it (its calls in progress and on their way only grow): its
        // thousands of other due requests are not judged again every pass.
        Set<String> held = new HashSet<>();
        for (DialIntents.Owned owned : due) {
            DialIntentRecorded intent = owned.intent();
            if (recentlySignalled(intent, now)) {
                continue;
            }
            if (intent.request() == null) {
                // Nothing to fire: its signal finds it stale.
                allowed.add(owned);
                continue;
            }
            String campaign = campaignKey(intent);
            if (held.contains(campaign)) {
                continue;
            }
            var verdict =
                    campaigns.verdict(owned.partition(), intent.request(), onTheirWay.getOrDefault(campaign, 0), now);
            if (verdict.decision() == CampaignGate.Decision.HOLD) {
                held.add(campaign);
                continue;
            }
            if (verdict.decision() == CampaignGate.Decision.GO) {
                onTheirWay.merge(campaign, 1, Integer::sum);
            }
            allowed.add(owned);
        }
        return allowed;
    }

    private static String campaignKey(DialIntentRecorded intent) {
        return intent.accountId() + "/" + CampaignRecorded.campaignOf(intent.requestId());
    }

    private boolean recentlySignalled(DialIntentRecorded intent, Instant now) {
        Signalled last = signalled.get(intent.key());
        return last != null
                && last.dueAt().equals(intent.dueAt())
                && last.at().plus(properties.signalAgainAfter()).isAfter(now);
    }

    /** Writes again the requests whose record has stood longer than {@code refresh-after}. */
    private void refresh(Instant now) {
        Instant staleBefore = now.minus(properties.refreshAfter());
        signal(
                intents.scheduled().stream()
                        .filter(owned -> owned.intent().recordedAt().isBefore(staleBefore))
                        .toList(),
                now);
        signalled.entrySet().removeIf(entry -> entry.getValue().at().isBefore(now.minus(Duration.ofHours(1))));
    }

    /**
     * Writes the signals of {@code owned} not signalled lately, up to {@link #PER_TRANSACTION} in one transaction:
     * a campaign's thousands of requests due at one time cost a few commits, not one each.
     */
    private void signal(List<DialIntents.Owned> owned, Instant now) {
        List<DialIntentRecorded> toSignal = owned.stream()
                .map(DialIntents.Owned::intent)
                .filter(intent -> !recentlySignalled(intent, now))
                .toList();
        for (int from = 0; from < toSignal.size(); from += PER_TRANSACTION) {
            List<DialIntentRecorded> chunk = toSignal.subList(from, Math.min(toSignal.size(), from + PER_TRANSACTION));
            publisher.inOwnTransaction(() -> chunk.forEach(intent -> publisher.toRequestOwner(
                    intent.accountId(),
                    OutgoingEvent.of(
                            EventTypes.CALL_REQUEST_DUE,
                            EventIds.of(
                                    "call-request-due",
                                    intent.key(),
                                    intent.dueAt().toString(),
                                    now.toString()),
                            intent.requestId(),
                            now,
                            new CallRequestDue(intent.requestId(), intent.accountId(), intent.dueAt())))));
            chunk.forEach(intent -> signalled.put(intent.key(), new Signalled(intent.dueAt(), now)));
            log.debug("Signalled {} requests due by {}", chunk.size(), now);
        }
    }

    /** How often records are checked for a refresh: a small part of {@code refresh-after}, at most hourly. */
    private Duration refreshCheckEvery() {
        Duration part = properties.refreshAfter().dividedBy(10);
        return part.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : part;
    }

    private record Signalled(Instant dueAt, Instant at) {}
}
