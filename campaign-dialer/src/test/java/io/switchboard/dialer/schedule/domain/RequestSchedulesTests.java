package io.switchboard.dialer.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.switchboard.dialer.support.DialerTestSchedules;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.Recurrence;
import org.junit.jupiter.api.Test;

class RequestSchedulesTests {

    /** A Thursday; Berlin is at UTC+1, so 09:00 there is 08:00Z. */
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static final Recurrence WEEKDAYS_AT_NINE = new Recurrence("0 0 9 * * MON-FRI", "Europe/Berlin");
    private static final Recurrence DAILY_AT_NINE = new Recurrence("0 0 9 * * *", "Europe/Berlin");

    private final RequestSchedules schedules = DialerTestSchedules.schedules(Clock.fixed(NOW, ZoneOffset.UTC));

    // --- refusals

    @Test
    void whenNotBeforeIsFurtherAheadThanMaxAheadThenItIsRefusedNamingNotBefore() {
        Instant maxAhead = NOW.plus(Duration.ofDays(366));

        assertThat(schedules.refusal(request("r1", null, maxAhead.plusSeconds(1), null)))
                .get()
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("notBefore");
                    assertThat(refusal.reason()).contains("switchboard.dialer.schedule.max-ahead");
                });
        assertThat(schedules.refusal(request("r2", null, maxAhead, null)))
                .as("exactly as far ahead as allowed")
                .isEmpty();
    }

    @Test
    void whenNotBeforeIsNotBeforeExpiresAtThenItIsRefusedNamingNotBefore() {
        Instant at = NOW.plus(Duration.ofDays(1));

        assertThat(schedules.refusal(request("r1", at, at, null))).get().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo("notBefore");
            assertThat(refusal.reason()).contains("is not before expiresAt " + at);
        });
        assertThat(schedules.refusal(request("r2", at.minusSeconds(1), at, null)))
                .get()
                .extracting(RequestSchedules.Refusal::field)
                .isEqualTo("notBefore");
    }

    @Test
    void whenTheTimeZoneIsNotAnIanaZoneThenItIsRefusedNamingTheTimeZone() {
        var recurrence = new Recurrence("0 0 9 * * *", "Europe/Atlantis");

        assertThat(schedules.refusal(request("r1", null, null, recurrence)))
                .get()
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("recurrence.timeZone");
                    assertThat(refusal.reason()).contains("Europe/Atlantis");
                });
    }

    @Test
    void whenTheCronIsNotASixFieldExpressionThenItIsRefusedNamingTheCron() {
        for (String cron : new String[] {"0 9 * * MON-FRI", "every weekday at nine", "0 0 25 * * *"}) {
            assertThat(schedules.refusal(request("r1", null, null, new Recurrence(cron, "Europe/Berlin"))))
                    .as(cron)
                    .get()
                    .satisfies(refusal -> {
                        assertThat(refusal.field()).isEqualTo("recurrence.cron");
                        assertThat(refusal.reason()).contains("is not a cron expression");
                    });
        }
    }

    @Test
    void whenTheCronNamesNoTimeBeforeExpiresAtThenItIsRefusedNamingTheCron() {
        // Friday 09:00 in Berlin is its first time; the request is no longer wanted a second before it.
        Instant expiresAt = Instant.parse("2026-12-04T07:59:59Z");

        assertThat(schedules.refusal(request("r1", expiresAt, null, WEEKDAYS_AT_NINE)))
                .get()
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("recurrence.cron");
                    assertThat(refusal.reason()).contains("names no time before expiresAt " + expiresAt);
                });
    }

    @Test
    void whenTheCronsFirstTimeIsFurtherAheadThanMaxAheadThenItIsRefusedNamingTheCron() {
        var leapDays = new Recurrence("0 0 9 29 2 *", "Europe/Berlin");

        assertThat(schedules.refusal(request("r1", null, null, leapDays)))
                .as("the next 29 February is in 2028")
                .get()
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("recurrence.cron");
                    assertThat(refusal.reason()).contains("switchboard.dialer.schedule.max-ahead");
                });
    }

    @Test
    void whenOccurrencesAreCloserThanTheMinimumIntervalThenItIsRefusedNamingTheCron() {
        var everyTenSeconds = new Recurrence("*/10 * * * * *", "Europe/Berlin");
        // Far apart most of the time, but 09:00 and 09:00:30 are not.
        var twiceAtNine = new Recurrence("0,30 0 9 * * *", "Europe/Berlin");

        for (Recurrence recurrence : new Recurrence[] {everyTenSeconds, twiceAtNine}) {
            assertThat(schedules.refusal(request("r1", null, null, recurrence)))
                    .as(recurrence.cron())
                    .get()
                    .satisfies(refusal -> {
                        assertThat(refusal.field()).isEqualTo("recurrence.cron");
                        assertThat(refusal.reason()).contains("switchboard.dialer.schedule.min-interval");
                    });
        }
        assertThat(schedules.refusal(request("r2", null, null, new Recurrence("0 * * * * *", "Europe/Berlin"))))
                .as("every minute is exactly the minimum interval")
                .isEmpty();
    }

    @Test
    void whenARecurringRequestsIdIsLongerThanItsOccurrencesAllowThenItIsRefusedNamingTheRequestId() {
        String longest = "r".repeat(CallRequest.MAX_RECURRING_REQUEST_ID_LENGTH);

        assertThat(schedules.refusal(request(longest + "r", null, null, DAILY_AT_NINE)))
                .get()
                .satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("requestId");
                    assertThat(refusal.reason()).contains(String.valueOf(CallRequest.MAX_RECURRING_REQUEST_ID_LENGTH));
                });
        assertThat(schedules.refusal(request(longest, null, null, DAILY_AT_NINE)))
                .isEmpty();
        assertThat(schedules.refusal(request(longest + "r", null, null, null)))
                .as("a one-off request's id gets no suffix")
                .isEmpty();
    }

    @Test
    void whenTheScheduleCanBeKeptThenNothingIsRefused() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));

        assertThat(schedules.refusal(request("r1", null, null, null))).isEmpty();
        assertThat(schedules.refusal(request("r2", null, NOW.minusSeconds(60), null)))
                .as("a past notBefore is no schedule to keep")
                .isEmpty();
        assertThat(schedules.refusal(request("r3", null, tomorrow, null))).isEmpty();
        assertThat(schedules.refusal(request("r4", null, null, WEEKDAYS_AT_NINE)))
                .isEmpty();
        assertThat(schedules.refusal(request("r5", NOW.plus(Duration.ofDays(90)), tomorrow, WEEKDAYS_AT_NINE)))
                .isEmpty();
    }

    // --- due times

    @Test
    void whenARequestHasNoScheduleOrAPastNotBeforeThenItHasNoFirstDueTime() {
        assertThat(schedules.firstDue(request("r1", null, null, null), NOW)).isEmpty();
        assertThat(schedules.firstDue(request("r2", null, NOW.minusSeconds(1), null), NOW))
                .isEmpty();
        assertThat(schedules.firstDue(request("r3", null, NOW, null), NOW))
                .as("due as it arrives")
                .isEmpty();
    }

    @Test
    void whenAOneOffRequestHasAFutureNotBeforeThenItIsFirstDueThen() {
        Instant notBefore = NOW.plus(Duration.ofHours(5));

        assertThat(schedules.firstDue(request("r1", null, notBefore, null), NOW))
                .contains(notBefore);
    }

    @Test
    void whenARecurringRequestArrivesThenItIsFirstDueAtItsCronsFirstTimeAtOrAfterNotBefore() {
        assertThat(schedules.firstDue(request("r1", null, null, WEEKDAYS_AT_NINE), NOW))
                .as("Thursday's 09:00 has passed")
                .contains(Instant.parse("2026-12-04T08:00:00Z"));
        assertThat(schedules.firstDue(
                        request("r2", null, Instant.parse("2026-12-05T00:00:00Z"), WEEKDAYS_AT_NINE), NOW))
                .as("from notBefore on, and not at the weekend")
                .contains(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(schedules.firstDue(
                        request("r3", null, Instant.parse("2026-12-07T08:00:00Z"), WEEKDAYS_AT_NINE), NOW))
                .as("a notBefore that is one of its times is its first")
                .contains(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(schedules.firstDue(request("r4", null, NOW.minus(Duration.ofDays(10)), WEEKDAYS_AT_NINE), NOW))
                .as("a past notBefore makes up no missed times")
                .contains(Instant.parse("2026-12-04T08:00:00Z"));
    }

    @Test
    void whenTheNextOccurrenceIsNotBeforeExpiresAtThenThereIsNone() {
        Instant friday = Instant.parse("2026-12-04T08:00:00Z");
        Instant monday = Instant.parse("2026-12-07T08:00:00Z");

        assertThat(schedules.nextOccurrence(request("r1", monday, null, WEEKDAYS_AT_NINE), friday))
                .isEmpty();
        assertThat(schedules.nextOccurrence(request("r2", monday.plusSeconds(1), null, WEEKDAYS_AT_NINE), friday))
                .contains(monday);
        assertThat(schedules.nextOccurrence(request("r3", null, null, WEEKDAYS_AT_NINE), friday))
                .contains(monday);
        assertThat(schedules.nextOccurrence(request("r4", null, null, null), friday))
                .as("a one-off request has no occurrences")
                .isEmpty();
    }

    @Test
    void whenDaylightSavingTimeBeginsThenTheSameLocalTimeIsAnHourEarlierInUtc() {
        var schedules =
                DialerTestSchedules.schedules(Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC));
        CallRequest daily = request("r1", null, Instant.parse("2026-03-28T00:00:00Z"), DAILY_AT_NINE);

        Instant saturday =
                schedules.firstDue(daily, Instant.parse("2026-03-20T12:00:00Z")).orElseThrow();
        Instant sunday = schedules.nextOccurrence(daily, saturday).orElseThrow();

        assertThat(saturday).as("09:00 CET").isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(sunday).as("09:00 CEST, 23 hours later").isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(schedules.refusal(daily))
                .as("the short day is still far above the minimum interval")
                .isEmpty();
    }

    @Test
    void whenDaylightSavingTimeEndsThenTheSameLocalTimeIsAnHourLaterInUtc() {
        CallRequest daily = request("r1", null, null, DAILY_AT_NINE);

        assertThat(schedules.nextOccurrence(daily, Instant.parse("2026-10-24T07:00:00Z")))
                .as("Sunday 25 October, 09:00 CET")
                .contains(Instant.parse("2026-10-25T08:00:00Z"));
    }

    private static CallRequest request(String requestId, Instant expiresAt, Instant notBefore, Recurrence recurrence) {
        return new CallRequest(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                "sales",
                Map.of(),
                expiresAt,
                null,
                null,
                notBefore,
                recurrence,
                null,
                null);
    }
}
