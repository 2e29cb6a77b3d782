package io.switchboard.dialer.schedule.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.CallingWindow;

/**
 * When a request's calling window is open: in the recipient's time zone (the window's own, else every zone
 * libphonenumber gives the number, all of which must be open at once, so that nobody is called outside the
 * window whichever zone they are in), on the window's days, between its start and end, except on its blackout
 * dates. Daylight saving time is the zone's: a window from 09:00 opens at 09:00 local time all year.
 */
public final class CallingWindows {

    /** How far ahead an opening is looked for: a year of blackout dates cannot hide one for longer. */
    public static final Duration HORIZON = Duration.ofDays(400);

    private static final Duration STEP = Duration.ofDays(14);
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "MON", DayOfWeek.MONDAY,
            "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY,
            "THU", DayOfWeek.THURSDAY,
            "FRI", DayOfWeek.FRIDAY,
            "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    private CallingWindows() {}

    /**
     * Why a request's window cannot be kept from {@code now} on, naming the field at fault; empty when it can, or it
     * has none.
     */
    public static Optional<RequestSchedules.Refusal> refusal(CallRequest request, Instant now) {
        CallingWindow window = request.callingWindow();
        if (window == null) {
            return Optional.empty();
        }
        LocalTime start = LocalTime.parse(window.start());
        LocalTime end = LocalTime.parse(window.end());
        if (!start.isBefore(end)) {
            return refused(
                    "callingWindow.end",
                    "callingWindow.end: " + window.end() + " is not after its start " + window.start()
                            + " (a window ends on the day it starts)");
        }
        for (String date : window.blackoutDates()) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return refused(
                        "callingWindow.blackoutDates", "callingWindow.blackoutDates: " + date + " is not a date");
            }
        }
        if (window.timeZone() != null) {
            try {
                ZoneId.of(window.timeZone());
            } catch (DateTimeException e) {
                return refused(
                        "callingWindow.timeZone",
                        "callingWindow.timeZone: " + window.timeZone()
                                + " is not an IANA time zone, such as America/Chicago");
            }
        } else if (RecipientTimeZones.of(request.to()).isEmpty()) {
            return refused(
                    "callingWindow.timeZone",
                    "callingWindow.timeZone: the time zone of " + request.to() + " is not known; name the recipient's");
        }
        if (opening(request, now).isEmpty()) {
            return refused(
                    "callingWindow",
                    "callingWindow: never open at once in every time zone of " + request.to() + " (" + zonesOf(request)
                            + ") within " + HORIZON.toDays() + " days; name the recipient's timeZone");
        }
        return Optional.empty();
    }

    /**
     * The window's opening that contains {@code from}, or else the next one, within {@link #HORIZON}; empty when
     * the request has no window, or its window never opens (a blackout on every day it names).
     */
    public static Optional<Opening> opening(CallRequest request, Instant from) {
        CallingWindow window = request.callingWindow();
        if (window == null) {
            return Optional.empty();
        }
        List<ZoneId> zones = zonesOf(request);
        Rules rules = Rules.of(window);
        for (Instant chunk = from; chunk.isBefore(from.plus(HORIZON)); chunk = chunk.plus(STEP)) {
            Instant until = chunk.plus(STEP);
            Optional<Opening> found = intersection(rules, zones, chunk.minus(Duration.ofDays(1)), until).stream()
                    .filter(opening -> opening.end().isAfter(from))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<ZoneId> zonesOf(CallRequest request) {
        String own = request.callingWindow().timeZone();
        return own != null ? List.of(ZoneId.of(own)) : RecipientTimeZones.of(request.to());
    }

    /** The instants in [{@code from}, {@code until}) at which the window is open in every zone. */
    private static List<Opening> intersection(Rules rules, List<ZoneId> zones, Instant from, Instant until) {
        List<Opening> open = null;
        for (ZoneId zone : zones) {
            List<Opening> inZone = openings(rules, zone, from, until);
            open = open == null ? inZone : intersect(open, inZone);
        }
        return open == null ? List.of() : open;
    }

    private static List<Opening> openings(Rules rules, ZoneId zone, Instant from, Instant until) {
        List<Opening> openings = new ArrayList<>();
        LocalDate last = until.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (rules.days().contains(day.getDayOfWeek()) && !rules.blackout().contains(day)) {
                openings.add(new Opening(
                        day.atTime(rules.start()).atZone(zone).toInstant(),
                        day.atTime(rules.end()).atZone(zone).toInstant()));
            }
        }
        return openings;
    }

    /** A window's text read once: it is applied to every day of every zone of the number. */
    private record Rules(Set<DayOfWeek> days, Set<LocalDate> blackout, LocalTime start, LocalTime end) {
        static Rules of(CallingWindow window) {
            return new Rules(
                    window.days().stream().map(DAYS::get).collect(Collectors.toSet()),
                    window.blackoutDates().stream().map(LocalDate::parse).collect(Collectors.toSet()),
                    LocalTime.parse(window.start()),
                    LocalTime.parse(window.end()));
        }
    }

    /** Both lists sorted and non-overlapping: the instants in one of each. */
    private static List<Opening> intersect(List<Opening> a, List<Opening> b) {
        List<Opening> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Instant start = later(a.get(i).start(), b.get(j).start());
            Instant end = earlier(a.get(i).end(), b.get(j).end());
            if (start.isBefore(end)) {
                both.add(new Opening(start, end));
            }
            if (a.get(i).end().isBefore(b.get(j).end())) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Optional<RequestSchedules.Refusal> refused(String field, String reason) {
        return Optional.of(new RequestSchedules.Refusal(field, reason));
    }

    /**
     * The window is open from {@code start} (inclusive) to {@code end} (exclusive).
     */
    public record Opening(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }
}
