package io.switchboard.events.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.deadletter.ConsumersHealthIndicator;
import io.switchboard.events.deadletter.DeadLetterBacklog;
import io.switchboard.events.deadletter.DeadLetterSerializer;
import io.switchboard.events.deadletter.DeadLetters;
import io.switchboard.events.deadletter.StalledPartitions;
import io.switchboard.events.deadletter.StallsEndpoint;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.secret.SecretsProperties;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import io.switchboard.events.transaction.SynchronizedTransactionEffects;
import io.switchboard.events.transaction.TransactionEffects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Everything a service needs to speak the event contract the same way: signed CloudEvents as Kafka
 * values, verification, one publish-and-wait, one transaction path, one failure policy for every
 * listener (poison to the DLT, anything else retried while the partition waits), and the
 * catalogue's topics.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({EventsProperties.class, SecretsProperties.class})
public class SwitchboardEventsAutoConfiguration {

    @Bean
    EventEnvelopes eventEnvelopes(EventsProperties properties) {
        var signer = new EventSigner(
                properties.signing().keyId(), properties.signing().privateKey());
        return new EventEnvelopes(
                properties.source(), signer, new EventVerifier(properties.trustedKeys(), properties.keyProducers()));
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer cloudEventValues() {
        return factory -> {
            var serializer = new CloudEventSerializer();
            serializer.configure(Map.of(), false);
            ((DefaultKafkaProducerFactory) factory).setValueSerializer(serializer);
        };
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaConsumerFactoryCustomizer cloudEventValuesOrDeadLetters() {
        return factory -> {
            var deserializer = new CloudEventDeserializer();
            deserializer.configure(Map.of(), false);
            ((DefaultKafkaConsumerFactory) factory).setValueDeserializer(new ErrorHandlingDeserializer<>(deserializer));
        };
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<String, CloudEvent> kafkaTemplate, EventEnvelopes envelopes, EventsProperties properties) {
        return new EventPublisher(kafkaTemplate, envelopes, properties.publishTimeout());
    }

    /** The one way a service records audit entries ({@code switchboard.audit.v1}). */
    @Bean
    AuditTrail auditTrail(EventPublisher events) {
        return new AuditTrail(events, Clock.systemUTC());
    }

    /**
     * Wherever the producer is transactional: Boot's transaction manager with synchronization kept on
     * (Spring Kafka's default is never), so that {@link TransactionEffects} can hear how each
     * listener's transaction ended. Boot's listener container factory picks it up.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.kafka.producer.transaction-id-prefix")
    KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
        var manager = new KafkaTransactionManager<>(producerFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return manager;
    }

    @Bean
    TransactionEffects transactionEffects() {
        return new SynchronizedTransactionEffects();
    }

    @Bean
    TopicReplayer topicReplayer(
            KafkaProperties kafkaProperties, EventEnvelopes envelopes, EventRefusals refusals, MeterRegistry meters) {
        return new TopicReplayer(kafkaProperties.buildConsumerProperties(), envelopes, refusals, meters);
    }

    @Bean
    EventRefusals eventRefusals(MeterRegistry meters) {
        return new EventRefusals(meters);
    }

    @Bean
    StalledPartitions stalledPartitions(EventsProperties properties, MeterRegistry meters) {
        return new StalledPartitions(Clock.systemUTC(), properties.stalls().forgetAfter(), meters);
    }

    @Bean
    DeadLetters deadLetters(
            KafkaProperties kafkaProperties,
            EventsProperties properties,
            StalledPartitions stalls,
            MeterRegistry meters) {
        Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
        // Dead letters are written outside the listener's transaction: a non-transactional,
        // idempotent producer of their own.
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var factory = new DefaultKafkaProducerFactory<Object, Object>(producer);
        factory.setKeySerializer(new DeadLetterSerializer());
        factory.setValueSerializer(new DeadLetterSerializer());
        return new DeadLetters(new KafkaTemplate<>(factory), properties.retry().policy(), stalls, meters);
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(DeadLetters deadLetters) {
        return deadLetters.errorHandler();
    }

    @Bean
    AfterRollbackProcessor<Object, Object> deadLetteringAfterRollbackProcessor(
            DeadLetters deadLetters, KafkaTemplate<Object, Object> kafkaTemplate) {
        return deadLetters.afterRollbackProcessor(kafkaTemplate);
    }

    @Bean
    ConsumersHealthIndicator consumersHealthIndicator(StalledPartitions stalls, EventsProperties properties) {
        return new ConsumersHealthIndicator(stalls, properties.stalls().readinessDownAfter(), Clock.systemUTC());
    }

    @Bean
    StallsEndpoint stallsEndpoint(StalledPartitions stalls) {
        return new StallsEndpoint(stalls);
    }

    /** Watches the dead-letter topics of the topics this service's listeners read. */
    @Bean(destroyMethod = "close")
    DeadLetterBacklog deadLetterBacklog(
            KafkaProperties kafkaProperties,
            EventsProperties properties,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            MeterRegistry meters) {
        var backlog = new DeadLetterBacklog(
                Admin.create(kafkaProperties.buildAdminProperties()),
                () -> deadLetterTopicsOf(listeners.getIfAvailable()),
                properties.deadLetters().agedAfter(),
                Clock.systemUTC(),
                meters);
        backlog.start(properties.deadLetters().checkEvery());
        return backlog;
    }

    private static Collection<String> deadLetterTopicsOf(KafkaListenerEndpointRegistry listeners) {
        var topics = new TreeSet<String>();
        if (listeners == null) {
            return topics;
        }
        listeners.getListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .forEach(name -> Arrays.stream(Topic.values())
                        .filter(t -> t.topicName().equals(name))
                        .forEach(t -> topics.add(t.deadLetterTopicName())));
        return topics;
    }

    /** Only where secret keys are configured: the services that seal or open provider credentials. */
    @Bean
    @ConditionalOnProperty(prefix = "switchboard.secrets", name = "active-key-id")
    SecretBox secretBox(SecretsProperties properties) {
        return new SecretBox(properties.activeKeyId(), properties.keys());
    }

    @Bean
    @ConditionalOnProperty(
            prefix = "switchboard.events",
            name = "create-topics",
            havingValue = "true",
            matchIfMissing = true)
    KafkaAdmin.NewTopics switchboardTopics(EventsProperties properties) {
        var topics = new java.util.ArrayList<NewTopic>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.newTopic(properties.topicReplicas()));
            topics.add(topic.newDeadLetterTopic(properties.topicReplicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
