package io.switchboard.dialer.schedule.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.dialer.campaign.domain.CampaignGate;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.placement.domain.Admission;
import io.switchboard.dialer.placement.domain.CallPlacement;
import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.events.dialer.CallRequestDue;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.RetryPolicy;
import org.springframework.stereotype.Service;

/**
 * Requests due later, at their account's owner. A request due later is recorded {@code scheduled} with its due
 * time and the request itself, holding nothing; when it is due, the owner writes a {@link CallRequestDue} to its
 * own partition ({@code io.switchboard.dialer.schedule.messaging}), and applying that signal ({@link #fire}) admits
 * the request as if it had just arrived, in the same transaction that records it fired. So a request is fired once
 * whoever owns the account when it comes due, and a due time that passes while no instance owns the account fires
 * when the next one takes it.
 *
 * <p>A recurring request stays {@code scheduled} under its own id, its due time moving to the next occurrence as
 * each one fires; each occurrence is admitted as a request of its own ({@link CallRequest#occurrenceId}), which
 * the series' {@code expiresAt} does not cut short (it only ends the series), so that an occurrence due just before
 * it is still dialed. Due times
 * missed by more than {@code max-request-age} (no instance ran) are not made up: the oldest is rejected as too
 * late, and the series goes on from the first time within that age.
 */
@Service
public class ScheduledRequests {

    private final RequestSchedules schedules;
    private final CampaignGate campaigns;
    private final DialIntents intents;
    private final CallPlacement placement;
    private final Duration maxRequestAge;
    private final Clock clock;

    public ScheduledRequests(
            RequestSchedules schedules,
            CampaignGate campaigns,
            DialIntents intents,
            CallPlacement placement,
            DialerProperties properties,
            Clock clock) {
        this.schedules = schedules;
        this.campaigns = campaigns;
        this.intents = intents;
        this.placement = placement;
        this.maxRequestAge = properties.maxRequestAge();
        this.clock = clock;
    }

    /** A request that has arrived: scheduled when it is due later, else admitted now (see {@link CallPlacement}). */
    public Admission admit(int partition, CallRequestReceived received) {
        CallRequest request = received.request();
        if (intents.of(partition, request.accountId(), request.requestId()).isPresent()) {
            return placement.admit(partition, received);
        }
        Instant now = clock.instant();
        Instant receivedAt = received.receivedAt() == null ? now : received.receivedAt();
        boolean recurring = request.recurrence() != null;
        if (!recurring && (request.notBefore() == null || !request.notBefore().isAfter(receivedAt))) {
            return admitInCampaign(partition, request, receivedAt, now);
        }
        Optional<Instant> due = schedules.firstDue(request, receivedAt);
        if (due.isEmpty()) {
            return placement.rejected(
                    request, "recurrence.cron: names no time before expiresAt " + request.expiresAt(), "recurrence");
        }
        if (!recurring && !due.get().isAfter(now)) {
            // Due while it travelled here: its age counts from its due time.
            return admitInCampaign(partition, request, due.get(), now);
        }
        return new Admission.Scheduled(DialIntentRecorded.scheduled(request, due.get(), now));
    }

    /**
     * Applies a due signal: a request still scheduled for exactly that time is admitted (for a recurring request,
     * its occurrence, and the series moves on); a signal written early to keep a far-off request within the
     * topic's retention records it again, unchanged.
     *
     * @return what to record, empty when the signal is stale (fired already, cancelled, rescheduled)
     */
    public Optional<Firing> fire(int partition, CallRequestDue due) {
        Optional<DialIntentRecorded> known = intents.of(partition, due.accountId(), due.requestId());
        if (known.isEmpty()
                || known.get().state() != State.SCHEDULED
                || known.get().request() == null
                || !known.get().dueAt().equals(due.dueAt())) {
            return Optional.empty();
        }
        DialIntentRecorded scheduled = known.get();
        CallRequest request = scheduled.request();
        Instant now = clock.instant();
        CampaignGate.Verdict campaign = campaigns.verdict(partition, request, 0, now);
        if (campaign.decision() == CampaignGate.Decision.CANCEL) {
            return Optional.of(new Firing(placement.rejected(request, campaign.reason(), null), null));
        }
        if (campaign.decision() == CampaignGate.Decision.HOLD) {
            // Stays scheduled, holding nothing, until the campaign has room again; written again (a refresh), so that
            // a request held longer than the topic's retention is not dropped.
            return Optional.of(
                    new Firing(null, DialIntentRecorded.scheduled(request, scheduled.dueAt(), campaign.reason(), now)));
        }
        if (scheduled.dueAt().isAfter(now)) {
            return Optional.of(new Firing(null, DialIntentRecorded.scheduled(request, scheduled.dueAt(), now)));
        }
        if (campaign.decision() == CampaignGate.Decision.LATER) {
            return Optional.of(new Firing(
                    new Admission.Scheduled(
                            DialIntentRecorded.scheduled(request, campaign.until(), campaign.reason(), now)),
                    null));
        }
        if (request.recurrence() == null) {
            // A campaign's request may wait long for a free slot of its campaign: its age counts from now, and its
            // campaign's end (its expiresAt) is what limits it.
            Instant age = campaigns
                            .campaignOf(request.accountId(), request.requestId())
                            .isPresent()
                    ? now
                    : scheduled.dueAt();
            Admission admitted =
                    admitInWindow(partition, request.occurrence(request.requestId(), request.expiresAt()), age);
            return Optional.of(new Firing(admitted, null));
        }
        String occurrenceId = CallRequest.occurrenceId(request.requestId(), scheduled.dueAt());
        Admission occurrence =
                intents.of(partition, request.accountId(), occurrenceId).isPresent()
                        ? new Admission.Duplicate(occurrenceId)
                        : admitInWindow(partition, request.occurrence(occurrenceId, null), scheduled.dueAt());
        // Strictly after the instant before it: a due time exactly max-request-age old may still be dialed.
        Instant oldestWorthDialing = now.minus(maxRequestAge).minusNanos(1);
        Instant from = scheduled.dueAt().isAfter(oldestWorthDialing) ? scheduled.dueAt() : oldestWorthDialing;
        DialIntentRecorded series = schedules
                .nextOccurrence(request, from)
                .map(next -> DialIntentRecorded.scheduled(request, next, now))
                .orElseGet(() -> scheduled.unscheduled(
                        State.ENDED,
                        request.expiresAt() == null
                                ? "its recurrence names no later time"
                                : "no occurrence left before expiresAt " + request.expiresAt(),
                        now));
        return Optional.of(new Firing(occurrence, series));
    }

    /**
     * The call of a request with a retry policy ended {@code finalStatus}: its next attempt, scheduled the policy's
     * delay after now, if the policy retries that status and attempts are left.
     *
     * @return the next attempt to record, empty when there is none (or it is there already)
     */
    public Optional<Admission.Scheduled> retryAfter(int partition, DialIntentRecorded ended, String finalStatus) {
        CallRequest request = ended.request();
        if (request == null || request.retry() == null) {
            return Optional.empty();
        }
        RetryPolicy.Retry retry = request.retry().after(finalStatus);
        int attempt = CallRequest.attemptOf(request.requestId());
        if (retry == null || attempt >= retry.maxAttempts()) {
            return Optional.empty();
        }
        String next = CallRequest.attemptId(request.requestId(), attempt + 1);
        if (intents.of(partition, request.accountId(), next).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant dueAt = now.plusSeconds(retry.delaySeconds());
        return Optional.of(new Admission.Scheduled(DialIntentRecorded.scheduled(
                request.occurrence(next, request.expiresAt()),
                dueAt,
                "attempt " + (attempt + 1) + " of " + retry.maxAttempts() + " after a " + finalStatus + " call ("
                        + request.requestId() + ")",
                now)));
    }

    /**
     * Admits a one-off request now unless its campaign (if it names one) says otherwise: a cancelled campaign's
     * request is rejected, one whose campaign is paused or has all its concurrent calls is scheduled, due now, to be
     * fired when the campaign has room, and one whose person had as many calls as the account's cap allows is
     * scheduled for when an earlier call leaves the cap's time.
     */
    private Admission admitInCampaign(int partition, CallRequest request, Instant receivedAt, Instant now) {
        CampaignGate.Verdict campaign = campaigns.verdict(partition, request, 0, now);
        return switch (campaign.decision()) {
            case GO -> admitInWindow(partition, request, receivedAt);
            case CANCEL -> placement.rejected(request, campaign.reason(), null);
            case HOLD -> new Admission.Scheduled(DialIntentRecorded.scheduled(request, now, campaign.reason(), now));
            case LATER ->
                new Admission.Scheduled(
                        DialIntentRecorded.scheduled(request, campaign.until(), campaign.reason(), now));
        };
    }

    /**
     * Admits a one-off request (or an occurrence) now if its calling window is open, not to be dialed after the
     * window closes; else schedules it for the window's next opening, with the reason.
     */
    private Admission admitInWindow(int partition, CallRequest request, Instant receivedAt) {
        if (request.callingWindow() == null) {
            return placement.admitNow(partition, request, receivedAt);
        }
        Instant now = clock.instant();
        Optional<CallingWindows.Opening> opening = CallingWindows.opening(request, now);
        if (opening.isEmpty()) {
            return placement.rejected(
                    request,
                    "callingWindow: does not open within " + CallingWindows.HORIZON.toDays() + " days",
                    "callingWindow");
        }
        if (opening.get().start().isAfter(now)) {
            return new Admission.Scheduled(DialIntentRecorded.scheduled(
                    request,
                    opening.get().start(),
                    "outside the recipient's calling window until "
                            + opening.get().start(),
                    now));
        }
        Instant closes = opening.get().end();
        Instant expiresAt =
                request.expiresAt() != null && request.expiresAt().isBefore(closes) ? request.expiresAt() : closes;
        return placement.admitNow(partition, request.occurrence(request.requestId(), expiresAt), receivedAt);
    }

    /**
     * What firing a due time records.
     *
     * @param admitted the request (or the occurrence) admitted, rejected or found already there; null for a refresh
     * @param series   the request's scheduled record afterwards: a recurring request's next due time or its end, or
     *                 a refreshed record; null when the admitted request's own record replaces it
     */
    public record Firing(Admission admitted, DialIntentRecorded series) {}
}
