package io.switchboard.simulator.inbound;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.support.ReceivedWebhook;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookFlowTest;
import io.switchboard.simulator.support.WebhookReceiver.Reply;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@SimulatorTest
class InboundCallFlowTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String NUMBER = "+15550109999";
    private static final String CALLER = "+15550123456";

    @BeforeEach
    void registerTheNumber() {
        api.registerNumber(NUMBER, receiver.url("/voice"), receiver.url("/status"));
    }

    @Test
    void whenApplicationAnswersWithTwimlThenCallIsAnsweredAndCompleted() {
        // given
        String twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello</Say></Response>";
        receiver.reply("/voice", new Reply(200, twiml));

        // when
        String sid = api.inboundCall(CALLER, NUMBER);

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(2));
        ReceivedWebhook voice = receiver.received("/voice").getFirst();
        assertThat(voice.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
        assertThat(voice.params())
                .containsEntry("AccountSid", TestAccounts.ACCOUNT_SID)
                .containsEntry("ApiVersion", "2010-04-01")
                .containsEntry("CallSid", sid)
                .containsEntry("CallStatus", "ringing")
                .containsEntry("Direction", "inbound")
                .containsEntry("From", CALLER)
                .containsEntry("Caller", CALLER)
                .containsEntry("To", NUMBER)
                .containsEntry("Called", NUMBER);
        List<ReceivedWebhook> status = receiver.received("/status");
        assertThat(status).extracting(hook -> hook.param("CallStatus")).containsExactly("in-progress", "completed");
        assertThat(status).extracting(hook -> hook.param("SequenceNumber")).containsExactly("0", "1");
        assertThat(status).allSatisfy(hook -> {
            assertThat(hook.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
            assertThat(hook.params()).containsEntry("Direction", "inbound").containsEntry("CallSid", sid);
        });
        assertThat(status.get(1).params()).containsEntry("CallDuration", "65");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.call(sid))
                        .containsEntry("direction", "inbound")
                        .containsEntry("status", "completed")
                        .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                        .containsEntry("httpStatus", 200)
                        .containsEntry("twiml", twiml));
    }

    @Test
    void whenApplicationRejectsAsBusyThenCallEndsBusyUnanswered() {
        // given
        receiver.reply("/voice", new Reply(200, "<Response><Reject reason=\"busy\"/></Response>"));

        // when
        api.inboundCall(CALLER, NUMBER);

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status"))
                        .extracting(hook -> hook.param("CallStatus"))
                        .containsExactly("busy"));
    }

    @Test
    void whenApplicationRejectsThenCallIsCanceled() {
        // given
        receiver.reply("/voice", new Reply(200, "<Response><Reject/></Response>"));

        // when
        api.inboundCall(CALLER, NUMBER);

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status"))
                        .extracting(hook -> hook.param("CallStatus"))
                        .containsExactly("canceled"));
    }

    @Test
    void whenVoiceUrlFailsThenCallFailsWithoutRetry() {
        // given
        receiver.reply("/voice", new Reply(500, "oops"));

        // when
        String sid = api.inboundCall(CALLER, NUMBER);

        // then
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status"))
                        .extracting(hook -> hook.param("CallStatus"))
                        .containsExactly("failed"));
        assertThat(receiver.received("/voice")).hasSize(1);
        assertThat(api.call(sid))
                .containsEntry("status", "failed")
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("httpStatus", 500)
                .containsEntry("twiml", "oops");
    }

    @Test
    void whenNumberUnknownThen404() {
        client.post()
                .uri("/simulator/inbound-calls")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", CALLER, "to", "+15550000000"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenNumberRegisteredThenItIsListed() {
        client.get()
                .uri("/simulator/numbers")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.number == '" + NUMBER + "')].voiceUrl")
                .isEqualTo(List.of(receiver.url("/voice")));
    }
}
