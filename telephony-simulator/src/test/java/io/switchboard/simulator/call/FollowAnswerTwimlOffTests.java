package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorApi;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.WebhookReceiver;
import io.switchboard.simulator.support.WebhookReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With follow-answer-twiml off (a context of its own) calls play their script whatever their TwiML says. */
@SimulatorTest
@TestPropertySource(properties = "switchboard.simulator.follow-answer-twiml=false")
class FollowAnswerTwimlOffTests {

    @Autowired
    private WebTestClient client;

    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void whenSwitchedOffThenVoiceUrlIsNotFetchedAndCallKeepsItsScriptedDuration() {
        // given a voice URL that would end the call at once
        receiver.reply("/voice", new Reply(200, "<Response><Say>Not in service</Say><Hangup/></Response>"));

        // when
        new SimulatorApi(client)
                .createCall(CallForm.to("+15550100001")
                        .voiceUrl(receiver.url("/voice"))
                        .with("StatusCallback", receiver.url("/status")));

        // then
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(1));
        assertThat(receiver.received("/status").getFirst().param("CallDuration"))
                .isEqualTo("65");
        assertThat(receiver.received("/voice")).isEmpty();
    }
}
