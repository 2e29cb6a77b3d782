package io.switchboard.dialer.support;

import java.time.Clock;
import java.time.Duration;

import io.switchboard.dialer.schedule.config.ScheduleProperties;
import io.switchboard.dialer.schedule.domain.RequestSchedules;

/** The schedule settings of application.yml, for tests that build the dialer's parts by hand. */
public final class DialerTestSchedules {

    private DialerTestSchedules() {}

    public static ScheduleProperties defaults() {
        return new ScheduleProperties(
                Duration.ofDays(366),
                Duration.ofMinutes(1),
                Duration.ofDays(7),
                Duration.ofSeconds(30),
                Duration.ofMillis(200));
    }

    public static RequestSchedules schedules(Clock clock) {
        return new RequestSchedules(defaults(), clock);
    }
}
