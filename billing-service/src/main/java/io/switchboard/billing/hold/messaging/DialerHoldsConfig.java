package io.switchboard.billing.hold.messaging;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.billing.hold.domain.DialerHolds;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.FollowedRecords;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.kafka.TopicFollower;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dialer's holds on wallets, followed from dialer-intents.v1 whole (no group, from the beginning on every
 * start); the {@code holds} health indicator (part of readiness). Only the dialer's signed intents, filed under
 * their own {@code accountId/requestId}, count.
 */
@Configuration(proxyBeanMethods = false)
class DialerHoldsConfig {

    @Bean
    DialerHolds dialerHolds(Clock clock) {
        return new DialerHolds(clock);
    }

    @Bean
    TopicFollower dialerHoldsFollower(
            KafkaProperties kafka,
            EventEnvelopes envelopes,
            DialerHolds holds,
            MeterRegistry meters,
            EventRefusals refusals) {
        var skipped = new SkippedRecords(meters);
        var records = new FollowedRecords(envelopes, skipped, refusals);
        var follower = TopicFollower.of(
                Topic.DIALER_INTENTS,
                kafka.buildConsumerProperties(),
                "billing-service-holds",
                record -> records.verified(record)
                        .filter(event -> event.is(EventTypes.DIAL_INTENT_RECORDED))
                        .map(event -> event.as(EventTypes.DIAL_INTENT_RECORDED).payload())
                        .ifPresent(intent -> {
                            if (intent.key().equals(record.key())) {
                                holds.apply(intent);
                            } else {
                                records.skip(record, "an intent not filed under its accountId/requestId");
                            }
                        }),
                skipped);
        holds.readFrom(follower);
        return follower;
    }

    /** Readiness: down until dialer-intents.v1 was read, because until then no available balance is right. */
    @Bean
    HealthIndicator holdsHealthIndicator(DialerHolds holds) {
        return () -> (holds.isLoaded() ? Health.up() : Health.outOfService()).build();
    }
}
