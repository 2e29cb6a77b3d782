package io.switchboard.dialer.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.CallingWindow;
import org.junit.jupiter.api.Test;

class CallingWindowsTests {

    private static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI");
    private static final String NEW_YORK = "+12125550100";
    /** Thursday 3 December 2026, 08:00 in New York (EST, UTC-5). */
    private static final Instant THURSDAY_EIGHT_IN_NEW_YORK = Instant.parse("2026-12-03T13:00:00Z");

    @Test
    void whenTheWindowHasNotOpenedYetTodayThenItOpensAtItsStartInTheRecipientsZone() {
        var request = request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, null));

        assertThat(CallingWindows.opening(request, THURSDAY_EIGHT_IN_NEW_YORK))
                .contains(new CallingWindows.Opening(
                        Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-04T01:00:00Z")));
    }

    @Test
    void whenTheWindowIsOpenThenTheOpeningContainsNowAndEndsAtItsEnd() {
        var request = request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, null));
        Instant noon = Instant.parse("2026-12-03T17:00:00Z");

        assertThat(CallingWindows.opening(request, noon)).get().satisfies(opening -> {
            assertThat(opening.contains(noon)).isTrue();
            assertThat(opening.end()).isEqualTo(Instant.parse("2026-12-04T01:00:00Z"));
        });
    }

    @Test
    void whenItIsFridayEveningThenTheNextOpeningIsMondayMorningAndABlackoutMondayMovesItToTuesday() {
        Instant fridayNight = Instant.parse("2026-12-05T02:00:00Z");
        var weekdays = request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, null));
        var mondayOff = request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, List.of("2026-12-07")));

        assertThat(CallingWindows.opening(weekdays, fridayNight))
                .get()
                .extracting(CallingWindows.Opening::start)
                .isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(CallingWindows.opening(mondayOff, fridayNight))
                .get()
                .extracting(CallingWindows.Opening::start)
                .isEqualTo(Instant.parse("2026-12-08T14:00:00Z"));
    }

    @Test
    void whenDaylightSavingTimeStartsThenTheWindowStillOpensAtNineLocalTime() {
        var request = request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, null));

        assertThat(CallingWindows.opening(request, Instant.parse("2027-03-05T12:00:00Z")))
                .get()
                .extracting(CallingWindows.Opening::start)
                .as("Friday 5 March 2027, EST")
                .isEqualTo(Instant.parse("2027-03-05T14:00:00Z"));
        assertThat(CallingWindows.opening(request, Instant.parse("2027-03-15T12:00:00Z")))
                .get()
                .extracting(CallingWindows.Opening::start)
                .as("Monday 15 March 2027, EDT")
                .isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
    }

    @Test
    void whenTheWindowNamesATimeZoneThenItIsUsedInsteadOfTheNumbers() {
        var request = request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", "Europe/Berlin", null));

        assertThat(CallingWindows.opening(request, THURSDAY_EIGHT_IN_NEW_YORK))
                .get()
                .satisfies(opening -> assertThat(opening.contains(THURSDAY_EIGHT_IN_NEW_YORK))
                        .as("14:00 in Berlin")
                        .isTrue());
    }

    @Test
    void whenANumberSpansTimeZonesThenItIsCalledOnlyWhenTheWindowIsOpenInEveryOne() {
        // An Australian mobile may be anywhere from Perth (UTC+8) to Lord Howe Island.
        String mobile = "+61412345678";
        var request = request(mobile, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, null));
        List<ZoneId> zones = RecipientTimeZones.of(mobile);
        assertThat(zones).contains(ZoneId.of("Australia/Perth"), ZoneId.of("Australia/Sydney"));

        CallingWindows.Opening opening =
                CallingWindows.opening(request, THURSDAY_EIGHT_IN_NEW_YORK).orElseThrow();

        for (ZoneId zone : zones) {
            LocalTime start = opening.start().atZone(zone).toLocalTime();
            LocalTime lastMinute = opening.end().minusSeconds(60).atZone(zone).toLocalTime();
            assertThat(start).as("opening in %s", zone).isBetween(LocalTime.of(9, 0), LocalTime.of(20, 0));
            assertThat(lastMinute).as("last minute in %s", zone).isBetween(LocalTime.of(9, 0), LocalTime.of(20, 0));
        }
        assertThat(opening.start().atZone(ZoneId.of("Indian/Cocos")).toLocalTime())
                .as("the Cocos Islands (UTC+6:30), which the mapper counts in too, are the last to reach 09:00")
                .isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void whenTheZonesOfANumberAreNeverOpenTogetherThenTheWindowIsRefusedNamingIt() {
        // A US toll-free number may ring from Guam (UTC+10) to Newfoundland (UTC-3:30): 09:00 in Guam is 19:30 in
        // St. John's, after a window that closes at 17:00.
        var tollFree = request("+18005550100", new CallingWindow(WEEKDAYS, "09:00", "17:00", null, null));

        assertThat(CallingWindows.opening(tollFree, THURSDAY_EIGHT_IN_NEW_YORK)).isEmpty();
        assertThat(CallingWindows.refusal(tollFree, THURSDAY_EIGHT_IN_NEW_YORK))
                .get()
                .extracting(RequestSchedules.Refusal::field)
                .isEqualTo("callingWindow");
        var named = request("+18005550100", new CallingWindow(WEEKDAYS, "09:00", "17:00", "America/Chicago", null));
        assertThat(CallingWindows.refusal(named, THURSDAY_EIGHT_IN_NEW_YORK)).isEmpty();
    }

    @Test
    void whenTheWindowIsMalformedThenTheFieldAtFaultIsNamed() {
        assertThat(CallingWindows.refusal(
                        request(NEW_YORK, new CallingWindow(WEEKDAYS, "20:00", "09:00", null, null)),
                        THURSDAY_EIGHT_IN_NEW_YORK))
                .get()
                .extracting(RequestSchedules.Refusal::field)
                .isEqualTo("callingWindow.end");
        assertThat(CallingWindows.refusal(
                        request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", "Mars/Olympus", null)),
                        THURSDAY_EIGHT_IN_NEW_YORK))
                .get()
                .extracting(RequestSchedules.Refusal::field)
                .isEqualTo("callingWindow.timeZone");
        assertThat(CallingWindows.refusal(
                        request(NEW_YORK, new CallingWindow(WEEKDAYS, "09:00", "20:00", null, List.of("2026-02-30"))),
                        THURSDAY_EIGHT_IN_NEW_YORK))
                .get()
                .extracting(RequestSchedules.Refusal::field)
                .isEqualTo("callingWindow.blackoutDates");
        assertThat(CallingWindows.refusal(request(NEW_YORK, null), THURSDAY_EIGHT_IN_NEW_YORK))
                .isEmpty();
    }

    private static CallRequest request(String to, CallingWindow window) {
        return new CallRequest(
                "r1", "acme", to, "+14155550123", "sales", Map.of(), null, null, null, null, null, window, null);
    }
}
