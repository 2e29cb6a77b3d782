package io.switchboard.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.fixtures.MutableClock;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

class StallsEndpointTests {

    private static final String TOPIC = Topic.WALLETS.topicName();

    private final StalledPartitions stalls = new StalledPartitions(
            new MutableClock(Instant.parse("2025-03-14T09:00:00Z")), Duration.ofMinutes(2), new SimpleMeterRegistry());
    private final StallsEndpoint endpoint = new StallsEndpoint(stalls);
    private final ConsumerRecord<Object, Object> stuck = new ConsumerRecord<>(TOPIC, 1, 40, "acme", "value");

    @BeforeEach
    void aPartitionStalled() {
        stalls.failedDelivery(stuck, new IllegalStateException("database away"), 4);
    }

    @Test
    void whenListedThenTheStallsAreShownWithTheirReason() {
        assertThat(endpoint.stalls()).singleElement().satisfies(stall -> {
            assertThat(stall.topic()).isEqualTo(TOPIC);
            assertThat(stall.offset()).isEqualTo(40);
            assertThat(stall.reason()).isEqualTo("IllegalStateException: database away");
        });
    }

    @Test
    void whenTheStuckRecordIsParkedThenOkWithItsStall() {
        // when
        WebEndpointResponse<Stall> response = endpoint.park(TOPIC, 1, 40);

        // then
        assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
        assertThat(response.getBody().attempts()).isEqualTo(4);
        assertThat(stalls.isParked(stuck)).isTrue();
    }

    @Test
    void whenARecordThatIsNotStuckIsParkedThenNotFoundAndNothingIsParked() {
        // when
        WebEndpointResponse<Stall> response = endpoint.park(TOPIC, 1, 41);

        // then
        assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
        assertThat(stalls.isParked(stuck)).isFalse();
        assertThat(stalls.isParked(new ConsumerRecord<>(TOPIC, 1, 41, "acme", "value")))
                .isFalse();
    }
}
