package io.switchboard.dialer.request.publisher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.events.config.EventsProperties;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The publishers' topics (created like the catalogue's call-requests topic, with their dead-letter
 * topics), and the start-up check of their ACLs: listener containers start only after it passed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallRequestPublishers.class)
class PublisherConfig {

    private static final Logger log = LoggerFactory.getLogger(PublisherConfig.class);
    private static final long ACL_READ_TIMEOUT_MS = 30_000;

    @Bean(CallRequestPublishers.TOPICS_BEAN)
    List<String> callRequestTopics(CallRequestPublishers publishers) {
        return publishers.topics();
    }

    @Bean
    KafkaAdmin.NewTopics publisherTopics(CallRequestPublishers publishers, EventsProperties events) {
        var topics = new ArrayList<NewTopic>();
        for (String topic : publishers.topics()) {
            if (!topic.equals(Topic.CALL_REQUESTS.topicName())) {
                topics.add(Topic.CALL_REQUESTS.newTopic(topic, events.topicReplicas()));
                topics.add(Topic.CALL_REQUESTS.newDeadLetterTopic(topic, events.topicReplicas()));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    SmartInitializingSingleton publisherAclCheck(CallRequestPublishers publishers, KafkaAdmin kafkaAdmin) {
        return () -> {
            publishers
                    .publishers()
                    .values()
                    .forEach(publisher -> log.info(
                            "Call requests from {} ({}) on {} for accounts {}",
                            publisher.name(),
                            publisher.principal(),
                            publisher.topic(),
                            publisher.accounts()));
            if (!publishers.verifyAcls()) {
                log.warn("Publisher topic ACLs are not checked (switchboard.dialer.intake.verify-acls=false): "
                        + "whoever can write to a publisher's topic may request calls for its accounts");
                return;
            }
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ACL_READ_TIMEOUT_MS);
            List<String> problems;
            try (Admin admin = Admin.create(config)) {
                problems = PublisherTopicAcls.problems(
                        admin, publishers.publishers().values(), ACL_READ_TIMEOUT_MS);
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Refusing to take call requests: " + String.join("; ", problems));
            }
            log.info("Publisher topic ACLs checked: each topic is writable by its publisher alone");
        };
    }
}
