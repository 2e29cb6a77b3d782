package io.switchboard.events.request;

import java.util.List;

/**
 * When a call request's recipient may be called, in the recipient's own time zone: on {@code days}, from
 * {@code start} to {@code end}, except on {@code blackoutDates}. A number whose country or area spans several
 * time zones is called only when the window is open in all of them.
 *
 * @param days          the days of the week, {@code MON} to {@code SUN}
 * @param start         local time the window opens, {@code HH:mm}
 * @param end           local time it closes, {@code HH:mm}, after {@code start}
 * @param timeZone      the recipient's IANA time zone, when the number's own (libphonenumber's) is not to be used;
 *                      null for the number's
 * @param blackoutDates local dates ({@code yyyy-MM-dd}) the window stays shut, such as public holidays
 */
public record CallingWindow(List<String> days, String start, String end, String timeZone, List<String> blackoutDates) {

    public CallingWindow {
        days = days == null ? List.of() : List.copyOf(days);
        blackoutDates = blackoutDates == null ? List.of() : List.copyOf(blackoutDates);
    }
}
