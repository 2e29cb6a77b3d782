package io.switchboard.dialer.account.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.events.account.AccountsUpdater;
import io.switchboard.events.account.CredentialOpener;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.kafka.TopicFollower;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The accounts every instance dials for, followed from accounts.v1 (each account's numbers, assistants and
 * sealed provider credentials, opened with the orchestrator's secret keys), the {@code accounts} health
 * indicator (part of readiness) and the {@code switchboard.dialer.accounts} gauge.
 */
@Configuration(proxyBeanMethods = false)
class DialingAccountsConfig {

    @Bean
    DialingAccounts dialingAccounts() {
        return new DialingAccounts();
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
            DialingAccounts accounts,
            SkippedRecords skipped,
            EventRefusals refusals) {
        SecretBox secrets = secretBox.getIfAvailable(() -> {
            throw new IllegalStateException(
                    "The dialer opens each account's provider credentials from accounts.v1: "
                            + "set switchboard.secrets.active-key-id and switchboard.secrets.keys.<id> (the orchestrator's keys)");
        });
        var updater = new AccountsUpdater(
                envelopes, new DialingAccountSink(new CredentialOpener(secrets), accounts), skipped, refusals);
        var follower = TopicFollower.of(
                Topic.ACCOUNTS, kafka.buildConsumerProperties(), "campaign-dialer-accounts", updater::apply, skipped);
        accounts.readFrom(follower);
        return follower;
    }

    /** Readiness: down until accounts.v1 was read, because until then every request waits. */
    @Bean
    HealthIndicator accountsHealthIndicator(DialingAccounts accounts) {
        return () -> (accounts.isLoaded() ? Health.up() : Health.outOfService())
                .withDetail("accounts", accounts.count())
                .build();
    }

    @Bean
    MeterBinder dialingAccountsMetrics(DialingAccounts accounts) {
        return registry -> Gauge.builder("switchboard.dialer.accounts", accounts, DialingAccounts::count)
                .description("Accounts known from accounts.v1")
                .register(registry);
    }
}
