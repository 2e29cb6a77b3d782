package io.switchboard.dialer.pacing.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.switchboard.dialer.pacing.config.PacingProperties;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.QueuedCallRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider account's pacing at the instance that owns its partition of {@code dialer-queue.v1}: the
 * requests waiting in the order they were queued, those being dialed, and the placed calls holding a slot.
 * Its state is what the partition's records say ({@link #apply}, idempotent, so a record read twice changes
 * nothing), plus what this instance is doing now.
 *
 * <p>Requests are let through ({@link #release}) while a concurrent-call slot is free, the account's rate
 * has room and the destination's area code has room; one area code at its rate does not hold up another's
 * requests behind it. The rates are then applied a second time at the moment each request is sent
 * ({@link #awaitTurn}), because committing a request's dialing step before it is sent takes a varying time:
 * the first pass keeps the number of requests waiting for their turn small, the second makes the instants
 * the provider sees keep the spacing.
 */
public final class PacingGroup {

    private static final Logger log = LoggerFactory.getLogger(PacingGroup.class);

    /** How long a request whose dialing ended without an outcome here waits before it is reconciled. */
    static final Duration RECONCILE_AGAIN_AFTER = Duration.ofSeconds(1);

    /**
     * How far down the queue a request may be let through ahead of those whose area code is at its rate: enough
     * for every area code a queue mixes, bounded so that one release never walks a queue of thousands.
     */
    private static final int LOOK_AHEAD = 1000;

    /** How long placed calls are remembered after their slot is free, so that none is adopted twice. */
    private static final Duration REMEMBER_CALLS = Duration.ofHours(1);

    private final String key;
    private final PacingLimits limits;
    private final PacingProperties.Backoff backoff;
    private final Clock clock;
    private final RateLimit planned;
    private final Map<String, RateLimit> plannedPrefixes = new HashMap<>();
    private final RateLimit sending;
    private final Map<String, RateLimit> sendingPrefixes = new HashMap<>();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Condition turnChanged = sendLock.newCondition();

    private final LinkedHashMap<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Dialing> dialing = new HashMap<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, Instant> recentCalls = new HashMap<>();
    /** Waiting requests a caller cancelled: let through at once, whatever the limits, to be rejected. */
    private final Set<String> cancelled = new LinkedHashSet<>();

    private Instant pausedUntil = Instant.MIN;
    private int throttledInARow;

    public PacingGroup(String key, PacingLimits limits, PacingProperties.Backoff backoff, Clock clock) {
        this.key = key;
        this.limits = limits;
        this.backoff = backoff;
        this.clock = clock;
        this.planned = RateLimit.of(limits.callsPerSecond(), limits.jitterAllowance(), clock);
        this.sending = RateLimit.of(limits.callsPerSecond(), limits.jitterAllowance(), clock);
    }

    public String key() {
        return key;
    }

    public PacingLimits limits() {
        return limits;
    }

    /** A record of this group's partition, read from the topic or written here: idempotent. */
    public synchronized void apply(QueuedCallRecorded record) {
        String request = DialIntentRecorded.key(record.accountId(), record.requestId());
        switch (record.step()) {
            case QUEUED -> {
                if (!waiting.containsKey(request) && !dialing.containsKey(request) && !slots.containsKey(request)) {
                    waiting.put(request, Waiting.of(record));
                }
            }
            case DIALING -> {
                Waiting queued = waiting.get(request);
                if (queued != null && queued.attempts() < attemptOf(record)) {
                    waiting.remove(request);
                    // Sent, or about to be: even a request cancelled meanwhile is looked up at the provider first.
                    dialing.put(
                            request, new Dialing(queued, attemptOf(record), record.recordedAt(), false, null, false));
                }
            }
            case DEFERRED -> {
                Dialing dialed = dialing.get(request);
                if (dialed != null && dialed.attempt() <= attemptOf(record)) {
                    dialing.remove(request);
                    // Back at the head of the queue: it was let through before those behind it.
                    Waiting again = dialed.queued().deferred(attemptOf(record), record.notBefore());
                    waiting.putFirst(request, again);
                    if (again.cancelled() != null) {
                        cancelled.add(request);
                    }
                } else if (waiting.containsKey(request) && waiting.get(request).attempts() < attemptOf(record)) {
                    waiting.computeIfPresent(request, (k, w) -> w.deferred(attemptOf(record), record.notBefore()));
                }
            }
            case PLACED -> {
                if (waiting.remove(request) != null | dialing.remove(request) != null) {
                    slots.put(request, new Slot(record.callId(), record.slotUntil()));
                }
                remember(record.callId(), record.recordedAt());
            }
            case REJECTED -> {
                waiting.remove(request);
                dialing.remove(request);
            }
            case CANCELLED -> {
                if (waiting.containsKey(request)) {
                    waiting.computeIfPresent(request, (k, w) -> w.cancelled(record.reason()));
                    cancelled.add(request);
                } else if (dialing.containsKey(request)) {
                    // Too late to take back, unless the provider turns out to have created nothing (deferred).
                    dialing.computeIfPresent(request, (k, dialed) -> dialed.cancelled(record.reason()));
                    log.info(
                            "Request {} was cancelled while it was being dialed: it is withdrawn only if the provider "
                                    + "created no call",
                            request);
                }
            }
            case ENDED -> {
                waiting.remove(request);
                dialing.remove(request);
                Slot ended = slots.remove(request);
                // From its end, not its placement: a call that lasted longer is still in the provider's list.
                remember(ended == null ? record.callId() : ended.callId(), record.recordedAt());
            }
        }
    }

    /**
     * Lets through what the limits allow now: requests to dial (their attempt counted), and requests whose
     * dialing has no outcome and no one here working on it, to reconcile with the provider.
     */
    public synchronized List<Release> release() {
        Instant now = clock.instant();
        List<Release> released = new ArrayList<>();
        dialing.replaceAll((request, dialed) -> {
            if (!dialed.inFlight()
                    && (dialed.retryAt() == null || !dialed.retryAt().isAfter(now))) {
                // A request let through to be withdrawn was never sent: rejecting it again needs no look at the
                // provider. Any other may have been sent, cancelled or not: it is looked up first.
                String withdrawn = dialed.withdrawing() ? dialed.queued().cancelled() : null;
                released.add(new Release(
                        this,
                        dialed.queued().queued(),
                        dialed.attempt(),
                        dialed.since(),
                        withdrawn == null,
                        withdrawn));
                return dialed.working(true);
            }
            return dialed;
        });
        for (String request : cancelled) {
            Waiting withdrawn = waiting.remove(request);
            if (withdrawn != null) {
                int attempt = withdrawn.attempts() + 1;
                dialing.put(request, new Dialing(withdrawn, attempt, now, true, null, true));
                released.add(new Release(this, withdrawn.queued(), attempt, now, false, withdrawn.cancelled()));
            }
        }
        cancelled.clear();
        if (now.isBefore(pausedUntil)) {
            return released;
        }
        dropExpiredSlots(now);
        int free = limits.concurrentCalls() - dialing.size() - slots.size();
        var entries = waiting.entrySet().iterator();
        int looked = 0;
        while (free > 0 && entries.hasNext() && planned.available() && looked++ < LOOK_AHEAD) {
            var entry = entries.next();
            Waiting next = entry.getValue();
            if (next.notBefore() != null && next.notBefore().isAfter(now)) {
                continue;
            }
            RateLimit prefix = plannedPrefixes.computeIfAbsent(next.prefix(), p -> prefixLimit());
            if (!prefix.available()) {
                continue;
            }
            planned.take();
            prefix.take();
            entries.remove();
            int attempt = next.attempts() + 1;
            dialing.put(entry.getKey(), new Dialing(next, attempt, now, true, null, false));
            released.add(new Release(this, next.queued(), attempt, now, false, null));
            free--;
        }
        plannedPrefixes.values().removeIf(RateLimit::available);
        return released;
    }

    /** How long until {@link #release} may let something more through, if nothing else happens meanwhile. */
    public synchronized Duration untilNextRelease() {
        Instant now = clock.instant();
        long nanos = Long.MAX_VALUE;
        for (Dialing dialed : dialing.values()) {
            if (!dialed.inFlight() && dialed.retryAt() != null) {
                nanos = Math.min(
                        nanos,
                        Math.max(0, Duration.between(now, dialed.retryAt()).toNanos()));
            }
        }
        if (!cancelled.isEmpty()) {
            return Duration.ZERO;
        }
        if (waiting.isEmpty()) {
            return Duration.ofNanos(nanos);
        }
        if (now.isBefore(pausedUntil)) {
            return Duration.ofNanos(
                    Math.min(nanos, Duration.between(now, pausedUntil).toNanos()));
        }
        if (dialing.size() + slots.size() >= limits.concurrentCalls()) {
            for (Slot slot : slots.values()) {
                if (slot.until() != null) {
                    nanos = Math.min(
                            nanos,
                            Math.max(0, Duration.between(now, slot.until()).toNanos()));
                }
            }
            return Duration.ofNanos(nanos);
        }
        long rate = planned.nanosUntilAvailable();
        int looked = 0;
        for (Waiting next : waiting.values()) {
            if (looked++ >= LOOK_AHEAD) {
                break;
            }
            long wait = next.notBefore() != null && next.notBefore().isAfter(now)
                    ? Duration.between(now, next.notBefore()).toNanos()
                    : Math.max(rate, prefixWait(next.prefix()));
            nanos = Math.min(nanos, wait);
        }
        return Duration.ofNanos(Math.max(0, nanos));
    }

    /**
     * Waits until the account's rate and the destination's area code both have room at this instant, and
     * takes it: called right before the request leaves for the provider.
     */
    public void awaitTurn(String destination) throws InterruptedException {
        String prefix = DestinationPrefix.of(destination);
        sendLock.lock();
        try {
            while (true) {
                RateLimit area = sendingPrefixes.computeIfAbsent(prefix, p -> prefixLimit());
                long wait = Math.max(sending.nanosUntilAvailable(), area.nanosUntilAvailable());
                if (wait == 0 && sending.available() && area.available()) {
                    sending.take();
                    area.take();
                    log.debug("Turn of a call to {} on {}", destination, key);
                    sendingPrefixes.values().removeIf(limit -> limit != area && limit.available());
                    return;
                }
                turnChanged.awaitNanos(Math.max(wait, 100_000));
            }
        } finally {
            sendLock.unlock();
        }
    }

    /** The provider would take no more requests from this account for now: none is sent until the pause ends. */
    public synchronized Instant throttled() {
        throttledInARow++;
        Instant until = clock.instant().plus(backoff.after(throttledInARow));
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        log.warn("Provider account {} is rate limited by its provider; pausing its calls until {}", key, pausedUntil);
        return pausedUntil;
    }

    /** The provider took a call: a pause that came before is over. */
    public synchronized void tookCall() {
        throttledInARow = 0;
    }

    /** Dialing request {@code request} ended here without an outcome: it is reconciled shortly. */
    public synchronized void abandoned(String accountId, String requestId) {
        dialing.computeIfPresent(
                DialIntentRecorded.key(accountId, requestId),
                (k, dialed) -> new Dialing(
                        dialed.queued(),
                        dialed.attempt(),
                        dialed.since(),
                        false,
                        clock.instant().plus(RECONCILE_AGAIN_AFTER),
                        dialed.withdrawing()));
    }

    /** As {@link #abandoned}, to be reconciled again no earlier than {@code at}. */
    public synchronized void reconcileAt(String accountId, String requestId, Instant at) {
        dialing.computeIfPresent(
                DialIntentRecorded.key(accountId, requestId),
                (k, dialed) -> new Dialing(
                        dialed.queued(), dialed.attempt(), dialed.since(), false, at, dialed.withdrawing()));
    }

    /** Calls already placed for this account's requests: a request in doubt must not adopt one of them. */
    public synchronized Set<String> placedCalls() {
        Instant forgetBefore = clock.instant().minus(REMEMBER_CALLS);
        recentCalls.values().removeIf(placedAt -> placedAt != null && placedAt.isBefore(forgetBefore));
        Set<String> placed = new HashSet<>(recentCalls.keySet());
        slots.values().forEach(slot -> placed.add(slot.callId()));
        return Set.copyOf(placed);
    }

    public synchronized Progress progress() {
        return new Progress(waiting.size(), dialing.size(), slots.size());
    }

    /** Requests waiting, being dialed, and placed calls holding a slot. */
    public record Progress(int waiting, int dialing, int placed) {}

    private long prefixWait(String prefix) {
        RateLimit limit = plannedPrefixes.get(prefix);
        return limit == null ? 0 : limit.nanosUntilAvailable();
    }

    private RateLimit prefixLimit() {
        return RateLimit.of(limits.prefixCallsPerSecond(), limits.jitterAllowance(), clock);
    }

    private void dropExpiredSlots(Instant now) {
        slots.entrySet().removeIf(entry -> {
            Slot slot = entry.getValue();
            if (slot.until() != null && slot.until().isBefore(now)) {
                log.warn(
                        "Call {} of {} has held a slot of provider account {} past its lease ({}); freeing it, as "
                                + "its end never arrived",
                        slot.callId(),
                        entry.getKey(),
                        key,
                        slot.until());
                remember(slot.callId(), now);
                return true;
            }
            return false;
        });
    }

    /** Keeps {@code callId} among the placed calls until {@link #REMEMBER_CALLS} after {@code at}, the latest. */
    private void remember(String callId, Instant at) {
        if (callId == null) {
            return;
        }
        Instant held = recentCalls.get(callId);
        if (held == null || (at != null && at.isAfter(held))) {
            recentCalls.put(callId, at);
        }
    }

    private static int attemptOf(QueuedCallRecorded record) {
        return record.attempt() == null ? 1 : record.attempt();
    }

    /**
     * A queued request; {@code attempts} made so far, not before {@code notBefore} when one was deferred, and why it
     * was {@code cancelled}, if it was.
     */
    private record Waiting(
            QueuedCallRecorded queued, int attempts, Instant notBefore, String prefix, String cancelled) {
        static Waiting of(QueuedCallRecorded queued) {
            return new Waiting(
                    queued, 0, null, DestinationPrefix.of(queued.request().to()), null);
        }

        Waiting deferred(int attemptsMade, Instant until) {
            return new Waiting(queued, attemptsMade, until, prefix, cancelled);
        }

        Waiting cancelled(String reason) {
            return new Waiting(queued, attempts, notBefore, prefix, reason);
        }
    }

    /** Attempt {@code attempt} of a request, since {@code since}; {@code inFlight} while this instance works on it. */
    private record Dialing(
            Waiting queued, int attempt, Instant since, boolean inFlight, Instant retryAt, boolean withdrawing) {
        Dialing working(boolean working) {
            return new Dialing(queued, attempt, since, working, null, withdrawing);
        }

        Dialing cancelled(String reason) {
            return new Dialing(queued.cancelled(reason), attempt, since, inFlight, retryAt, withdrawing);
        }
    }

    private record Slot(String callId, Instant until) {}

    /**
     * A request let through: to dial ({@code reconcile} false), or, when its dialing had no outcome, to look up
     * at the provider first; or, when a caller {@code cancelled} it (why), to reject.
     *
     * @param since when its dialing began, for a reconciliation
     */
    public record Release(
            PacingGroup group,
            QueuedCallRecorded queued,
            int attempt,
            Instant since,
            boolean reconcile,
            String cancelled) {}
}
