package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorApi;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls run on timers, not threads: hundreds at once must all play out. */
@SimulatorTest
class ConcurrentCallsTests {

    private static final int CALLS = 300;

    @Autowired
    private WebTestClient client;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void whenHundredsOfCallsRunAtOnceThenEveryOneIsCalledBackToTheEnd() {
        // given
        SimulatorApi api = new SimulatorApi(client);

        // when
        IntStream.range(0, CALLS)
                .forEach(i -> api.createCall(
                        CallForm.to("+1555%07d".formatted(i * 10 + 1)).allEventsTo(receiver.url("/status"))));

        // then
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(receiver.received("/status"))
                        .filteredOn(hook -> hook.param("CallStatus").equals("completed"))
                        .hasSize(CALLS));
        assertThat(receiver.received("/status")).hasSize(CALLS * 4);
    }
}
