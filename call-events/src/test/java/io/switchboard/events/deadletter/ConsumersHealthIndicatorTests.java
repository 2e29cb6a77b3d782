package io.switchboard.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.fixtures.MutableClock;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ConsumersHealthIndicatorTests {

    private static final Duration DOWN_AFTER = Duration.ofSeconds(30);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    private static final String TOPIC = Topic.LEDGER.topicName();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));
    private final StalledPartitions stalls = new StalledPartitions(clock, FORGET_AFTER, new SimpleMeterRegistry());
    private final ConsumersHealthIndicator health = new ConsumersHealthIndicator(stalls, DOWN_AFTER, clock);

    @Test
    void whenNoPartitionIsStalledThenUp() {
        // when
        Health result = health.health();

        // then
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("stalledPartitions", List.of());
    }

    @Test
    void whenAStallIsYoungerThanTheThresholdThenStillUpWithTheStallShown() {
        // given a record that has been failing for 20s
        failing(record(3, 41), 1);
        clock.advance(Duration.ofSeconds(20));
        failing(record(3, 41), 2);

        // when
        Health result = health.health();

        // then
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(stallsIn(result)).singleElement().satisfies(stall -> {
            assertThat(stall.partition()).isEqualTo(3);
            assertThat(stall.attempts()).isEqualTo(2);
        });
    }

    @Test
    void whenAStallIsExactlyAtTheThresholdThenStillUp() {
        // given
        failing(record(3, 41), 1);
        clock.advance(DOWN_AFTER);

        // when
        Health result = health.health();

        // then
        assertThat(result.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void whenAStallOutlastsTheThresholdThenDownWithTheStallsAsDetails() {
        // given one partition stuck for 31s and another for 5s
        failing(record(3, 41), 1);
        clock.advance(Duration.ofSeconds(26));
        failing(record(5, 7), 1);
        clock.advance(Duration.ofSeconds(5));
        failing(record(3, 41), 9);

        // when
        Health result = health.health();

        // then
        assertThat(result.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stallsIn(result))
                .extracting(Stall::topic, Stall::partition, Stall::offset, Stall::attempts)
                .containsExactly(tuple(TOPIC, 3, 41L, 9), tuple(TOPIC, 5, 7L, 1));
        assertThat(stallsIn(result).getFirst().since()).isEqualTo(Instant.parse("2025-03-14T09:00:00Z"));
        assertThat(stallsIn(result).getFirst().reason()).isEqualTo("TimeoutException: no acks in time");
    }

    @Test
    void whenTheStalledRecordFinallySucceedsThenUpAgain() {
        // given
        failing(record(3, 41), 1);
        clock.advance(Duration.ofMinutes(1));
        failing(record(3, 41), 12);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        // when
        stalls.success(record(3, 41), null);

        // then
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void whenAStalledPartitionStopsFailingHereForTheForgetPeriodThenUpAgain() {
        // given a stall old enough to be DOWN, whose partition then moved to another instance
        failing(record(3, 41), 1);
        clock.advance(Duration.ofMinutes(1));
        failing(record(3, 41), 12);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        // when no failure is seen here for longer than forget-after
        clock.advance(FORGET_AFTER.plusSeconds(1));

        // then
        Health result = health.health();
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(stallsIn(result)).isEmpty();
    }

    private void failing(ConsumerRecord<Object, Object> record, int attempt) {
        stalls.failedDelivery(record, new TimeoutException("no acks in time"), attempt);
    }

    private static ConsumerRecord<Object, Object> record(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, "account-1", "value");
    }

    @SuppressWarnings("unchecked")
    private static List<Stall> stallsIn(Health health) {
        return (List<Stall>) health.getDetails().get("stalledPartitions");
    }
}
