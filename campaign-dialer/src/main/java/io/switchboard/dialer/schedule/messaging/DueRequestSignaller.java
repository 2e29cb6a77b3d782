package io.switchboard.dialer.schedule.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.dialer.placement.messaging.DialerEventPublisher;
import io.switchboard.dialer.schedule.config.ScheduleProperties;
import io.switchboard.events.dialer.CallRequestDue;
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
 */
@Component
class DueRequestSignaller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueRequestSignaller.class);

    /** Due signals written in one Kafka transaction at most. */
    private static final int PER_TRANSACTION = 500;

    private final DialIntents intents;
    private final DialerEventPublisher publisher;
    private final ScheduleProperties properties;
    private final Clock clock;
    /** Per request key: the due time last signalled and when, so that a signal in flight is not repeated at once. */
    private final Map<String, Signalled> signalled = new ConcurrentHashMap<>();

    private volatile boolean running;
    private Thread loop;

    DueRequestSignaller(
            DialIntents intents, DialerEventPublisher publisher, ScheduleProperties properties, Clock clock) {
        this.intents = intents;
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
                signal(intents.dueBy(now), now);
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
                .filter(intent -> {
                    Signalled last = signalled.get(intent.key());
                    return last == null
                            || !last.dueAt().equals(intent.dueAt())
                            || !last.at().plus(properties.signalAgainAfter()).isAfter(now);
                })
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
