package io.switchboard.billing.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Replaces Boot's KafkaTransactionManager with one that keeps transaction synchronization on.
 * Spring Kafka turns it off by default ({@code SYNCHRONIZATION_NEVER}); the charging listener needs it to
 * apply a debit to the in-memory wallets only after the listener's Kafka transaction (the ledger
 * entry, the wallet state and the consumed offset) has committed. Boot's listener container factory
 * picks this bean up as its transaction manager. Without {@code spring.kafka.producer.transaction-id-prefix}
 * the producer factory is not transactional and start-up fails here, on purpose: billing without
 * transactions could debit twice.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTransactionConfig {

    @Bean
    KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
        var manager = new KafkaTransactionManager<>(producerFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return manager;
    }
}
