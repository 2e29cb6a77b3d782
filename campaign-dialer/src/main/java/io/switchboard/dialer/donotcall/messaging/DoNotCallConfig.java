package io.switchboard.dialer.donotcall.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.switchboard.dialer.donotcall.domain.DoNotCallList;
import io.switchboard.events.envelope.EventEnvelopes;
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
 * Every account's do-not-call list, followed from do-not-call.v1; the {@code doNotCall} health indicator
 * (part of readiness) and the {@code switchboard.dialer.do-not-call.numbers} gauge.
 */
@Configuration(proxyBeanMethods = false)
class DoNotCallConfig {

    @Bean
    DoNotCallList doNotCallList() {
        return new DoNotCallList();
    }

    @Bean
    TopicFollower doNotCallFollower(
            KafkaProperties kafka,
            EventEnvelopes envelopes,
            DoNotCallList list,
            SkippedRecords skipped,
            EventRefusals refusals) {
        var updater = new DoNotCallUpdater(envelopes, list, skipped, refusals);
        var follower = TopicFollower.of(
                Topic.DO_NOT_CALL,
                kafka.buildConsumerProperties(),
                "campaign-dialer-do-not-call",
                updater::apply,
                skipped);
        list.readFrom(follower);
        return follower;
    }

    @Bean
    HealthIndicator doNotCallHealthIndicator(DoNotCallList list) {
        return () -> (list.isLoaded() ? Health.up() : Health.outOfService()).build();
    }

    @Bean
    MeterBinder doNotCallMetrics(DoNotCallList list) {
        return registry -> Gauge.builder("switchboard.dialer.do-not-call.numbers", list, DoNotCallList::listedCount)
                .description("Numbers on do-not-call lists, over every account")
                .register(registry);
    }
}
