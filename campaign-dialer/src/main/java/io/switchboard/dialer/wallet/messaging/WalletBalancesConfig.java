package io.switchboard.dialer.wallet.messaging;

import io.switchboard.dialer.wallet.domain.WalletBalances;
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

/** Every wallet's balance and price, followed from wallets.v1, and the {@code wallets} health indicator. */
@Configuration(proxyBeanMethods = false)
class WalletBalancesConfig {

    @Bean
    WalletBalances walletBalances() {
        return new WalletBalances();
    }

    @Bean
    TopicFollower walletsFollower(
            KafkaProperties kafka,
            EventEnvelopes envelopes,
            WalletBalances balances,
            SkippedRecords skipped,
            EventRefusals refusals) {
        var updater = new WalletsUpdater(envelopes, balances, skipped, refusals);
        var follower = TopicFollower.of(
                Topic.WALLETS, kafka.buildConsumerProperties(), "campaign-dialer-wallets", updater::apply, skipped);
        balances.readFrom(follower);
        return follower;
    }

    /** Readiness: down until wallets.v1 was read, because until then every request waits. */
    @Bean
    HealthIndicator walletsHealthIndicator(WalletBalances balances) {
        return () -> (balances.isLoaded() ? Health.up() : Health.outOfService())
                .withDetail("wallets", balances.count())
                .build();
    }
}
