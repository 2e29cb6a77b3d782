package io.switchboard.dialer.campaign.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.switchboard.dialer.campaign.domain.CampaignProgress;
import io.switchboard.dialer.campaign.domain.Campaigns;
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
 * Every account's campaigns, followed from dialer-campaigns.v1, and their progress, followed from
 * dialer-intents.v1 (both read whole on every instance); the {@code campaigns} health indicator (part of
 * readiness) and the {@code switchboard.dialer.campaigns} gauge.
 */
@Configuration(proxyBeanMethods = false)
class CampaignsConfig {

    @Bean
    Campaigns campaigns() {
        return new Campaigns();
    }

    @Bean
    CampaignProgress campaignProgress() {
        return new CampaignProgress();
    }

    @Bean
    TopicFollower campaignsFollower(
            KafkaProperties kafka,
            EventEnvelopes envelopes,
            Campaigns campaigns,
            SkippedRecords skipped,
            EventRefusals refusals) {
        var updater = new CampaignsUpdater(envelopes, campaigns, skipped, refusals);
        var follower = TopicFollower.of(
                Topic.DIALER_CAMPAIGNS,
                kafka.buildConsumerProperties(),
                "campaign-dialer-campaigns",
                updater::apply,
                skipped);
        campaigns.readFrom(follower);
        return follower;
    }

    @Bean
    TopicFollower campaignProgressFollower(
            KafkaProperties kafka,
            EventEnvelopes envelopes,
            CampaignProgress progress,
            SkippedRecords skipped,
            EventRefusals refusals) {
        var updater = new CampaignIntentsUpdater(envelopes, progress, skipped, refusals);
        var follower = TopicFollower.of(
                Topic.DIALER_INTENTS,
                kafka.buildConsumerProperties(),
                "campaign-dialer-campaign-progress",
                updater::apply,
                skipped);
        progress.readFrom(follower);
        return follower;
    }

    /** Readiness: down until dialer-campaigns.v1 was read, because until then no campaign's limits are known. */
    @Bean
    HealthIndicator campaignsHealthIndicator(Campaigns campaigns) {
        return () -> (campaigns.isLoaded() ? Health.up() : Health.outOfService())
                .withDetail("campaigns", campaigns.count())
                .build();
    }

    @Bean
    MeterBinder campaignsMetrics(Campaigns campaigns) {
        return registry -> Gauge.builder("switchboard.dialer.campaigns", campaigns, Campaigns::count)
                .description("Campaigns known from dialer-campaigns.v1, of every status")
                .register(registry);
    }
}
