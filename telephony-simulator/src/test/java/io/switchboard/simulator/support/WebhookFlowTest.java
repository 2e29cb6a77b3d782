package io.switchboard.simulator.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A test of calls playing out against a {@link WebhookReceiver} that stands in for Switchboard's webhooks. */
public abstract class WebhookFlowTest {

    @Autowired
    protected WebTestClient client;

    protected SimulatorApi api;
    protected WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        api = new SimulatorApi(client);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }
}
