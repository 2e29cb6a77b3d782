package io.switchboard.ingress.webhook.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.BatchSigningPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.config.IngressProperties;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ProviderEventPublisherTests {

    private final BatchSigningPublisher events = mock(BatchSigningPublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProviderEventPublisher publisher = new ProviderEventPublisher(
            events,
            meters,
            new IngressProperties(
                    "https://ingress.example.test",
                    java.util.List.of(),
                    DataSize.ofKilobytes(64),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(2),
                    new IngressProperties.Dedup(100, Duration.ofMinutes(10)),
                    new IngressProperties.Signing(Duration.ofMillis(1), 128),
                    new IngressProperties.Routing(Duration.ofSeconds(1))));
    private final OutgoingEvent<AnsweringMachineDetected> event = OutgoingEvent.of(
            EventTypes.ANSWERING_MACHINE_DETECTED,
            "id-1",
            "CA1",
            Instant.EPOCH,
            new AnsweringMachineDetected("twilio", "acme", "CA1", "human", 900, Instant.EPOCH));

    @Test
    void whenTheSameEventIsPublishedAgainWithinTheWindowThenTheBrokerSeesItOnceAndAHitIsCounted() {
        when(events.publish(eq(Topic.PROVIDER_EVENTS), eq("CA1"), any()))
                .thenReturn(CompletableFuture.completedFuture(null));

        publisher.publish("acme", event).block();
        publisher.publish("acme", event).block();

        verify(events, times(1)).publish(eq(Topic.PROVIDER_EVENTS), eq("CA1"), any());
        assertThat(meters.get("switchboard.webhook.dedup.hits").counter().count())
                .isEqualTo(1);
    }

    @Test
    void whenThePublishFailedThenTheRetryIsPublishedAgain() {
        when(events.publish(eq(Topic.PROVIDER_EVENTS), eq("CA1"), any()))
                .thenReturn(CompletableFuture.failedFuture(new NotEnoughReplicasException("down")))
                .thenReturn(CompletableFuture.completedFuture(null));

        assertThatThrownBy(() -> publisher.publish("acme", event).block()).isInstanceOf(PublishFailedException.class);
        publisher.publish("acme", event).block();

        verify(events, times(2)).publish(eq(Topic.PROVIDER_EVENTS), eq("CA1"), any());
        assertThat(meters.find("switchboard.webhook.dedup.hits").counter()).isNull();
    }
}
