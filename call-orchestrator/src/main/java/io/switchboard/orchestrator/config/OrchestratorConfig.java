package io.switchboard.orchestrator.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class OrchestratorConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Replaces Boot's transaction manager (same producer factory) only to turn transaction
     * synchronization on: Spring Kafka's default is "never", and the in-memory call store needs
     * to hear when a record's transaction rolls back so it can undo the change it made.
     * Without a transaction-id-prefix this fails at start-up, which is intended.
     */
    @Bean
    KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
        var manager = new KafkaTransactionManager<>(producerFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return manager;
    }
}
