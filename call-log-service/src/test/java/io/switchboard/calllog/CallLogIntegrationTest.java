package io.switchboard.calllog;

import io.switchboard.testsupport.SharedMongo;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one call-log context of the integration tests: the run's shared broker and MongoDB. Every IT class
 * that does not break its context extends this and declares nothing that would change the context's key,
 * so they all share one instance; tests keep apart by account and call ids, not by database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class CallLogIntegrationTest {

    static SignedEvents events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/call-log-service");
        registry.add("spring.mongodb.uri", () -> SharedMongo.connectionString() + "/call-log-it");
    }

    @Autowired
    WebTestClient client;

    @LocalManagementPort
    int managementPort;

    CallLogFixture fixture;

    @BeforeAll
    static void connect() {
        events = SignedEvents.onSharedBroker();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /**
     * Each request on a connection of its own: Reactor Netty 1.3.7's server can stop reading a kept-alive
     * connection (reactor-netty#4361, docs/architecture.md), which hung a request of these tests now and then.
     */
    @BeforeEach
    void fixture() {
        client = client.mutate().defaultHeader(HttpHeaders.CONNECTION, "close").build();
        fixture = new CallLogFixture(client, events);
    }
}
