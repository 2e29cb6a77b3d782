package io.switchboard.dialer.request.messaging;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Call requests are plain JSON from internal systems, not CloudEvents, so they get a consumer
 * factory of their own: raw bytes (the validator decides what they are). Boot's configurer applies
 * everything else the other listeners have: the Kafka transaction manager (the placed/rejected
 * event and the offset commit are atomic), the dead-lettering error handler and after-rollback
 * processor, and the spring.kafka.listener.* settings.
 */
@Configuration(proxyBeanMethods = false)
class CallRequestConsumerConfig {

    static final String CONTAINER_FACTORY = "callRequestListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> callRequestListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafkaProperties) {
        Map<String, Object> properties = kafkaProperties.buildConsumerProperties();
        var consumerFactory = new DefaultKafkaConsumerFactory<String, byte[]>(
                properties,
                new ErrorHandlingDeserializer<>(new StringDeserializer()),
                new ErrorHandlingDeserializer<>(new ByteArrayDeserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, (DefaultKafkaConsumerFactory) consumerFactory);
        return factory;
    }
}
