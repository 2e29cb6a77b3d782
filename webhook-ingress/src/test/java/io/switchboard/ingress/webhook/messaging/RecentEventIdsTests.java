package io.switchboard.ingress.webhook.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.switchboard.ingress.config.IngressProperties.Dedup;
import org.junit.jupiter.api.Test;

class RecentEventIdsTests {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void whenAnIdWasPublishedThenItIsRecent() {
        var recent = new RecentEventIds(new Dedup(10, Duration.ofMinutes(10)), nanos::get);

        recent.add("a");

        assertThat(recent.contains("a")).isTrue();
        assertThat(recent.contains("b")).isFalse();
    }

    @Test
    void whenTheWindowIsFullThenTheOldestIdsGoFirst() {
        var recent = new RecentEventIds(new Dedup(3, Duration.ofMinutes(10)), nanos::get);

        for (String id : new String[] {"a", "b", "c", "d"}) {
            recent.add(id);
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.contains("a")).isFalse();
        assertThat(recent.contains("b")).isTrue();
        assertThat(recent.contains("d")).isTrue();
    }

    @Test
    void whenAnIdIsOlderThanTheMaxAgeThenItIsNoLongerRecentAndIsDropped() {
        var recent = new RecentEventIds(new Dedup(10, Duration.ofMinutes(10)), nanos::get);
        recent.add("a");

        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        recent.add("b");

        assertThat(recent.contains("a")).isFalse();
        assertThat(recent.contains("b")).isTrue();
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void whenTheWindowIsSwitchedOffThenNothingIsRemembered() {
        var recent = new RecentEventIds(new Dedup(0, Duration.ofMinutes(10)), nanos::get);

        recent.add("a");

        assertThat(recent.contains("a")).isFalse();
    }
}
