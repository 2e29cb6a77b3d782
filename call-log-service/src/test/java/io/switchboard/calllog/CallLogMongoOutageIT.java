package io.switchboard.calllog;

import static io.switchboard.calllog.CallLogFixture.T0;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.MongoWireServer;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * MongoDB goes away under a running service: it stops being ready, and a state it cannot write is
 * retried (bounded) and then dead-lettered instead of blocking its partition for ever. A consumer
 * group of its own, reading only new records, keeps this context away from other tests' events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.call-log.write-timeout=2s",
        "switchboard.call-log.health-timeout=1s",
        "spring.kafka.consumer.auto-offset-reset=latest"})
@AutoConfigureWebTestClient
@DirtiesContext
class CallLogMongoOutageIT {

    private static final MongoWireServer MONGO = MongoWireServer.inMemory();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/call-log-service");
        registry.add("spring.mongodb.uri",
                () -> MONGO.connectionString() + "/call-log-outage?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
        registry.add("spring.kafka.consumer.group-id", () -> "call-log-outage-" + UUID.randomUUID());
    }

    @Autowired
    WebTestClient client;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafkaTemplate;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void whenMongoGoesAwayThenNotReadyAndUnwritableStateIsDeadLettered() {
        var fixture = new CallLogFixture(client, new TestEvents(kafkaTemplate));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var assigned = listeners.getListenerContainer("call-log-call-states").getAssignedPartitions();
            return assigned != null && !assigned.isEmpty();
        });
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        MONGO.close();
        String callId = CallEvents.newCallId();
        fixture.state(CallEvents.snapshot(callId, CallEvents.newAccountId(), T0, QUEUED));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503));
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/api/calls/{callId}", callId).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("127.0.0.1"));
        var deadLetter = DeadLetterProbe.awaitDeadLetter(bootstrapServers,
                Topic.CALL_STATES.deadLetterTopicName(), callId);
        assertThat(DeadLetterProbe.reason(deadLetter)).isNotBlank();
    }
}
