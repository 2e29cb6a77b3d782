package io.switchboard.events.request;

/**
 * When a recurring call request is dialed again.
 *
 * @param cron     a Spring {@code CronExpression}: six fields, second minute hour day-of-month month day-of-week, e.g.
 *                 {@code 0 0 9 * * MON-FRI} for 09:00 every weekday
 * @param timeZone the IANA time zone the expression is read in, e.g. {@code Europe/Berlin}; daylight saving time
 *                 moves the instants with it
 */
public record Recurrence(String cron, String timeZone) {}
