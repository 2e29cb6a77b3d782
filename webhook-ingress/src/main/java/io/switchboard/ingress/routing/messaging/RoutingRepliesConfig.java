package io.switchboard.ingress.routing.messaging;

import java.util.Properties;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.config.IngressProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

/**
 * The request-reply plumbing for inbound routing. Every instance reads all of routing-replies.v1 in
 * a consumer group of its own, from the latest offset: a reply belongs to whichever instance holds
 * the pending request, and old replies are of no use to anyone.
 */
@Configuration(proxyBeanMethods = false)
class RoutingRepliesConfig {

    static final String REPLY_GROUP_PREFIX = "webhook-ingress-replies-";

    @Bean
    RoutingClient routingClient(
            ProducerFactory<String, CloudEvent> producerFactory,
            ConsumerFactory<String, CloudEvent> consumerFactory,
            EventEnvelopes envelopes,
            IngressProperties properties,
            MeterRegistry meters) {
        var container = new KafkaMessageListenerContainer<>(consumerFactory, replyContainerProperties());
        container.setBeanName("routing-replies");
        // Not a bean of its own: a second KafkaTemplate bean would switch off Boot's, which the
        // event contract's EventPublisher is built on. RoutingClient runs its lifecycle instead.
        var template = new ReplyingKafkaTemplate<>(producerFactory, container);
        template.setSharedReplyTopic(true);
        template.setDefaultReplyTimeout(properties.routing().deadline());
        template.afterPropertiesSet();
        return new RoutingClient(template, envelopes, properties.routing().deadline(), meters);
    }

    private static ContainerProperties replyContainerProperties() {
        var containerProperties = new ContainerProperties(Topic.ROUTING_REPLIES.topicName());
        containerProperties.setGroupId(REPLY_GROUP_PREFIX + UUID.randomUUID());
        var consumer = new Properties();
        consumer.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        containerProperties.setKafkaConsumerProperties(consumer);
        return containerProperties;
    }
}
