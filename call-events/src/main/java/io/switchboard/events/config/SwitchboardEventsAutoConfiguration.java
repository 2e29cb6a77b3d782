package io.switchboard.events.config;

import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.kafka.DeadLetters;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.secret.SecretsProperties;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Everything a service needs to speak the event contract: signed CloudEvents as Kafka values,
 * verification, one dead-letter path for every listener, and the catalogue's topics.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({EventsProperties.class, SecretsProperties.class})
public class SwitchboardEventsAutoConfiguration {

    @Bean
    EventEnvelopes eventEnvelopes(EventsProperties properties) {
        var signer = new EventSigner(properties.signing().keyId(), properties.signing().privateKey());
        return new EventEnvelopes(properties.source(), signer, new EventVerifier(properties.trustedKeys()));
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
    EventPublisher eventPublisher(KafkaTemplate<String, CloudEvent> kafkaTemplate, EventEnvelopes envelopes) {
        return new EventPublisher(kafkaTemplate, envelopes);
    }

    @Bean
    TopicReplayer topicReplayer(KafkaProperties kafkaProperties, EventEnvelopes envelopes) {
        return new TopicReplayer(kafkaProperties.buildConsumerProperties(), envelopes);
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafkaProperties, EventsProperties properties) {
        Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
        // Dead letters are written outside the listener's transaction: a non-transactional,
        // idempotent producer of their own.
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DeadLetters(producer, properties.retryAttempts(), properties.retryBackoff());
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(DeadLetters deadLetters) {
        return deadLetters.errorHandler();
    }

    @Bean
    AfterRollbackProcessor<Object, Object> deadLetteringAfterRollbackProcessor(DeadLetters deadLetters,
            KafkaTemplate<Object, Object> kafkaTemplate) {
        return deadLetters.afterRollbackProcessor(kafkaTemplate);
    }

    /** Only where secret keys are configured: the services that seal or open provider credentials. */
    @Bean
    @ConditionalOnProperty(prefix = "switchboard.secrets", name = "active-key-id")
    SecretBox secretBox(SecretsProperties properties) {
        return new SecretBox(properties.activeKeyId(), properties.keys());
    }

    @Bean
    @ConditionalOnProperty(prefix = "switchboard.events", name = "create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics switchboardTopics(EventsProperties properties) {
        var topics = new java.util.ArrayList<NewTopic>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.newTopic(properties.topicReplicas()));
            topics.add(topic.newDeadLetterTopic(properties.topicReplicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
