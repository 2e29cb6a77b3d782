package io.switchboard.ingress.account.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.switchboard.events.account.AccountsUpdater;
import io.switchboard.events.account.CredentialOpener;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.kafka.TopicFollower;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.account.domain.AccountDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account directory, the consumer that fills it from accounts.v1, and what operators see of it:
 * the {@code accounts} health indicator (part of readiness), the {@code switchboard.accounts.*} gauges
 * and, for records of accounts.v1 that cannot be decoded or verified, {@code switchboard.replay.skipped}
 * (tombstones, which nobody signs, are counted as {@code switchboard.events.refused}).
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfig {

    @Bean
    AccountDirectory accountDirectory() {
        return new AccountDirectory();
    }

    @Bean
    SkippedRecords skippedRecords(MeterRegistry meters) {
        return new SkippedRecords(meters);
    }

    @Bean
    TopicFollower accountsFollower(
            KafkaProperties kafka,
            EventEnvelopes envelopes,
            ObjectProvider<SecretBox> secretBox,
            AccountDirectory directory,
            SkippedRecords skipped,
            EventRefusals refusals) {
        SecretBox secrets = secretBox.getIfAvailable(() -> {
            throw new IllegalStateException("The ingress opens provider credentials from accounts.v1: set "
                    + "switchboard.secrets.active-key-id and switchboard.secrets.keys.<id> (the orchestrator's keys)");
        });
        var updater = new AccountsUpdater(
                envelopes, new DirectoryAccountSink(new CredentialOpener(secrets), directory), skipped, refusals);
        var follower = TopicFollower.of(
                Topic.ACCOUNTS, kafka.buildConsumerProperties(), "webhook-ingress-accounts", updater::apply, skipped);
        directory.loadedWhen(follower::isLoaded);
        return follower;
    }

    /** Readiness: down until accounts.v1 was replayed, because until then every webhook gets 503. */
    @Bean
    HealthIndicator accountsHealthIndicator(AccountDirectory directory) {
        return () -> (directory.isLoaded() ? Health.up() : Health.outOfService())
                .withDetail("accounts", directory.accountCount())
                .withDetail("unusableCredentials", directory.unusableCredentialCount())
                .build();
    }

    @Bean
    MeterBinder accountsMetrics(AccountDirectory directory) {
        return registry -> {
            Gauge.builder("switchboard.accounts", directory, AccountDirectory::accountCount)
                    .description("Accounts known from accounts.v1")
                    .register(registry);
            Gauge.builder(
                            "switchboard.accounts.unusable.credentials",
                            directory,
                            AccountDirectory::unusableCredentialCount)
                    .description("Provider credentials that could not be opened (their webhooks get 503)")
                    .register(registry);
        };
    }
}
