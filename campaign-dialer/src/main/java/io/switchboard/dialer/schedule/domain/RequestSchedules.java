package io.switchboard.dialer.schedule.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.switchboard.dialer.schedule.config.ScheduleProperties;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.Recurrence;
import io.switchboard.events.request.RetryPolicy;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When a call request is due: its {@code notBefore}, and for a recurring request each instant its cron
 * expression names in its time zone (Spring's {@link CronExpression}, which moves with daylight saving time), up
 * to its {@code expiresAt}.
 */
@Component
public class RequestSchedules {

    /** How many gaps between occurrences are measured against the minimum interval. */
    private static final int GAPS_CHECKED = 16;

    private final ScheduleProperties properties;
    private final Clock clock;

    public RequestSchedules(ScheduleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Why a request's calling window cannot be kept from now on ({@link CallingWindows#refusal}). */
    public Optional<Refusal> windowRefusal(CallRequest request) {
        return CallingWindows.refusal(request, clock.instant());
    }

    /** Why a request's schedule cannot be kept, naming the field at fault; empty when it can, or it has none. */
    public Optional<Refusal> refusal(CallRequest request) {
        Instant now = clock.instant();
        Instant notBefore = request.notBefore();
        Instant latest = now.plus(properties.maxAhead());
        if (notBefore != null && notBefore.isAfter(latest)) {
            return refused(
                    "notBefore",
                    "notBefore: " + notBefore + " is more than " + properties.maxAhead()
                            + " ahead (switchboard.dialer.schedule.max-ahead)");
        }
        if (notBefore != null && request.expiresAt() != null && !notBefore.isBefore(request.expiresAt())) {
            return refused("notBefore", "notBefore: " + notBefore + " is not before expiresAt " + request.expiresAt());
        }
        Optional<Refusal> unretriable = retryRefusal(request);
        if (unretriable.isPresent()) {
            return unretriable;
        }
        Recurrence recurrence = request.recurrence();
        if (recurrence == null) {
            return Optional.empty();
        }
        if (request.requestId().length() > CallRequest.MAX_RECURRING_REQUEST_ID_LENGTH) {
            return refused(
                    "requestId",
                    "requestId: a recurring request's id may have at most "
                            + CallRequest.MAX_RECURRING_REQUEST_ID_LENGTH
                            + " characters, its occurrences' ids add to it");
        }
        try {
            ZoneId.of(recurrence.timeZone());
        } catch (DateTimeException e) {
            return refused(
                    "recurrence.timeZone",
                    "recurrence.timeZone: " + recurrence.timeZone()
                            + " is not an IANA time zone, such as Europe/Berlin");
        }
        if (!CronExpression.isValidExpression(recurrence.cron())) {
            return refused(
                    "recurrence.cron",
                    "recurrence.cron: " + recurrence.cron() + " is not a cron expression of "
                            + "six fields (second minute hour day-of-month month day-of-week), such as 0 0 9 * * MON-FRI");
        }
        Optional<Instant> first = firstDue(request, now);
        if (first.isEmpty()) {
            return refused(
                    "recurrence.cron",
                    "recurrence.cron: " + recurrence.cron() + " names no time before "
                            + (request.expiresAt() == null ? "the end of time" : "expiresAt " + request.expiresAt()));
        }
        if (first.get().isAfter(latest)) {
            return refused(
                    "recurrence.cron",
                    "recurrence.cron: its first time, " + first.get() + ", is more than " + properties.maxAhead()
                            + " ahead (switchboard.dialer.schedule.max-ahead)");
        }
        Instant previous = first.get();
        for (int gap = 0; gap < GAPS_CHECKED; gap++) {
            Optional<Instant> next = nextOccurrence(request, previous);
            if (next.isEmpty()) {
                break;
            }
            Duration between = Duration.between(previous, next.get());
            if (between.compareTo(properties.minInterval()) < 0) {
                return refused(
                        "recurrence.cron",
                        "recurrence.cron: " + recurrence.cron() + " names " + previous
                                + " and " + next.get() + ", " + between + " apart; occurrences must be at least "
                                + properties.minInterval() + " apart (switchboard.dialer.schedule.min-interval)");
            }
            previous = next.get();
        }
        return Optional.empty();
    }

    private Optional<Refusal> retryRefusal(CallRequest request) {
        RetryPolicy retry = request.retry();
        if (retry == null) {
            return Optional.empty();
        }
        if (request.requestId().length() > CallRequest.MAX_RETRIED_REQUEST_ID_LENGTH) {
            return refused(
                    "requestId",
                    "requestId: a request with retries may have at most " + CallRequest.MAX_RETRIED_REQUEST_ID_LENGTH
                            + " characters, its retries' ids add to it");
        }
        return tooSoon("busy", retry.busy())
                .or(() -> tooSoon("noAnswer", retry.noAnswer()))
                .or(() -> tooSoon("failed", retry.failed()));
    }

    private Optional<Refusal> tooSoon(String status, RetryPolicy.Retry retry) {
        if (retry == null || Duration.ofSeconds(retry.delaySeconds()).compareTo(properties.minInterval()) >= 0) {
            return Optional.empty();
        }
        String field = "retry." + status + ".delaySeconds";
        return refused(
                field,
                field + ": " + retry.delaySeconds() + " is shorter than " + properties.minInterval()
                        + " (switchboard.dialer.schedule.min-interval)");
    }

    /**
     * When a request that arrived at {@code receivedAt} is first due: empty for one to admit now (not recurring,
     * and its {@code notBefore} absent or past), or for a recurring request that names no time before it expires.
     */
    public Optional<Instant> firstDue(CallRequest request, Instant receivedAt) {
        Instant notBefore = request.notBefore();
        if (request.recurrence() == null) {
            return notBefore != null && notBefore.isAfter(receivedAt) ? Optional.of(notBefore) : Optional.empty();
        }
        Instant from = notBefore != null && notBefore.isAfter(receivedAt) ? notBefore : receivedAt;
        // At or after it: the expression's next time strictly after the instant before.
        return nextOccurrence(request, from.minusNanos(1));
    }

    /** The recurring request's first occurrence strictly after {@code after} and before it expires. */
    public Optional<Instant> nextOccurrence(CallRequest request, Instant after) {
        Recurrence recurrence = request.recurrence();
        if (recurrence == null) {
            return Optional.empty();
        }
        ZonedDateTime next =
                CronExpression.parse(recurrence.cron()).next(after.atZone(ZoneId.of(recurrence.timeZone())));
        if (next == null) {
            return Optional.empty();
        }
        Instant due = next.toInstant();
        return request.expiresAt() != null && !due.isBefore(request.expiresAt()) ? Optional.empty() : Optional.of(due);
    }

    public Duration refreshAfter() {
        return properties.refreshAfter();
    }

    private static Optional<Refusal> refused(String field, String reason) {
        return Optional.of(new Refusal(field, reason));
    }

    /** Why a schedule cannot be kept, and the request field at fault. */
    public record Refusal(String field, String reason) {}
}
