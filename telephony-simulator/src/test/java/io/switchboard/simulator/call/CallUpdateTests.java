package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.ReceivedWebhook;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.WebhookFlowTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Twilio's "update a call". Steps are slow here (a context of its own) so that a test can reach a call
 * while it rings or talks.
 */
@SimulatorTest
@TestPropertySource(properties = "switchboard.simulator.step-delay=400ms")
class CallUpdateTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void whenAnsweredCallIsCompletedThenItHangsUpNowAndIsCalledBackOnce() {
        // given
        String sid = api.createCall(CallForm.to("+15550300001").allEventsTo(receiver.url("/status")));
        awaitStatus(sid, "in-progress");

        // when
        api.updateCall(sid, CallForm.update().with("Status", "completed"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sid")
                .isEqualTo(sid);

        // then
        List<ReceivedWebhook> status = awaitCallbacks(4);
        assertThat(status)
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(Integer.parseInt(status.get(3).param("CallDuration"))).isLessThan(65);
        await().during(Duration.ofMillis(900))
                .atMost(WAIT)
                .until(() -> receiver.received("/status").size() == 4);
    }

    @Test
    void whenRingingCallIsCanceledThenItEndsCanceledWithoutAnswer() {
        // given
        String sid = api.createCall(CallForm.to("+15550300001").allEventsTo(receiver.url("/status")));
        awaitStatus(sid, "ringing");

        // when
        api.updateCall(sid, CallForm.update().with("Status", "canceled"))
                .expectStatus()
                .isOk();

        // then
        assertThat(awaitCallbacks(3))
                .extracting(hook -> hook.param("CallStatus"))
                .containsExactly("initiated", "ringing", "canceled");
        await().during(Duration.ofMillis(900))
                .atMost(WAIT)
                .until(() -> receiver.received("/status").size() == 3);
        assertThat(api.call(sid)).containsEntry("status", "canceled");
    }

    @Test
    void whenAnsweredCallIsCanceledThenTwilioLeavesItAlone() {
        // given
        String sid = api.createCall(CallForm.to("+15550300001").with("StatusCallback", receiver.url("/status")));
        awaitStatus(sid, "in-progress");

        // when
        api.updateCall(sid, CallForm.update().with("Status", "canceled"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("in-progress");

        // then
        assertThat(awaitCallbacks(1).getFirst().param("CallDuration")).isEqualTo("65");
    }

    @Test
    void whenAnsweredCallGetsNewTwimlThenItRunsNowInsteadOfTheOldInstructions() {
        // given
        String sid = api.createCall(CallForm.to("+15550300001").with("StatusCallback", receiver.url("/status")));
        awaitStatus(sid, "in-progress");

        // when
        api.updateCall(sid, CallForm.update().with("Twiml", "<Response><Say>Goodbye</Say><Hangup/></Response>"))
                .expectStatus()
                .isOk();

        // then
        assertThat(awaitCallbacks(1).getFirst().params())
                .containsEntry("CallStatus", "completed")
                .containsEntry("CallDuration", "1");
        assertThat(api.call(sid))
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("twiml", "<Response><Say>Goodbye</Say><Hangup/></Response>");
        await().during(Duration.ofMillis(900))
                .atMost(WAIT)
                .until(() -> receiver.received("/status").size() == 1);
    }

    @Test
    void whenEndedCallIsUpdatedThen21220() {
        // given
        String sid = api.createCall(CallForm.to("+15550300002").with("StatusCallback", receiver.url("/status")));
        awaitStatus(sid, "busy");

        // when / then
        api.updateCall(sid, CallForm.update().with("Status", "completed"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(21220)
                .jsonPath("$.more_info")
                .isEqualTo("https://www.twilio.com/docs/errors/21220");
        api.updateCall(sid, CallForm.update().with("Url", receiver.url("/voice")))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whenStatusIsNeitherCanceledNorCompletedThenRefused() {
        // given
        String sid = api.createCall(CallForm.to("+15550300001"));

        // when / then
        api.updateCall(sid, CallForm.update().with("Status", "busy"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void whenUnknownCallIsUpdatedThen20404() {
        api.updateCall("CA00000000000000000000000000000000", CallForm.update().with("Status", "completed"))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(20404);
    }

    private void awaitStatus(String sid, String status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(api.call(sid)).containsEntry("status", status));
    }

    /**
     * An update reports its status at once while the previous callback may still be on its way, so the
     * callbacks are put in event order by SequenceNumber, as a consumer would.
     */
    private List<ReceivedWebhook> awaitCallbacks(int count) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received("/status")).hasSize(count));
        return receiver.received("/status").stream()
                .sorted(Comparator.comparingInt(hook -> Integer.parseInt(hook.param("SequenceNumber"))))
                .toList();
    }
}
