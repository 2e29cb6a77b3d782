package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.ReceivedWebhook;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookFlowTest;
import io.switchboard.simulator.support.WebhookReceiver.Reply;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** An answered outbound call fetches its voice URL (or takes its inline TwiML) and does what it says. */
@SimulatorTest
class AnsweredCallTwimlTests extends WebhookFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ASSISTANT_TWIML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
              <Connect>
                <Stream url="wss://orchestrator.test/media">
                  <Parameter name="assistantId" value="as_42"/>
                  <Parameter name="callId" value="call-7"/>
                </Stream>
              </Connect>
            </Response>""";

    @Test
    void whenAnsweredThenVoiceUrlIsFetchedSignedAndTheStreamKeepsTheCallUp() {
        // given
        receiver.reply("/voice", new Reply(200, ASSISTANT_TWIML));

        // when
        String sid = api.createCall(
                CallForm.to("+15550100001").voiceUrl(receiver.url("/voice")).allEventsTo(receiver.url("/status")));

        // then
        List<ReceivedWebhook> status = awaitCallbacks("/status", 4);
        assertThat(status.get(3).params())
                .containsEntry("CallStatus", "completed")
                .containsEntry("CallDuration", "65");
        ReceivedWebhook voice = receiver.received("/voice").getFirst();
        assertThat(voice.method()).isEqualTo("POST");
        assertThat(voice.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
        assertThat(voice.params())
                .containsEntry("AccountSid", TestAccounts.ACCOUNT_SID)
                .containsEntry("ApiVersion", "2010-04-01")
                .containsEntry("CallSid", sid)
                .containsEntry("CallStatus", "in-progress")
                .containsEntry("Direction", "outbound-api")
                .containsEntry("From", "+15550100000")
                .containsEntry("Caller", "+15550100000")
                .containsEntry("To", "+15550100001")
                .containsEntry("Called", "+15550100001")
                .doesNotContainKey("AnsweredBy");
        assertThat(api.call(sid))
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("source", "url")
                .containsEntry("httpStatus", 200)
                .containsEntry("errorCode", null)
                .extractingByKey("stream", as(InstanceOfAssertFactories.MAP))
                .containsEntry("url", "wss://orchestrator.test/media")
                .containsEntry("parameters", Map.of("assistantId", "as_42", "callId", "call-7"));
    }

    @Test
    void whenMethodIsGetThenVoiceUrlIsFetchedWithParamsInTheSignedQuery() {
        // given
        receiver.reply("/voice", new Reply(200, ASSISTANT_TWIML));

        // when
        api.createCall(CallForm.to("+15550100001")
                .voiceUrl(receiver.url("/voice?tenant=acme"))
                .with("Method", "GET")
                .with("StatusCallback", receiver.url("/status")));

        // then
        awaitCallbacks("/status", 1);
        ReceivedWebhook voice = receiver.received("/voice").getFirst();
        assertThat(voice.method()).isEqualTo("GET");
        assertThat(voice.params()).containsEntry("tenant", "acme").containsEntry("CallStatus", "in-progress");
        assertThat(voice.signedWith(TestAccounts.AUTH_TOKEN)).isTrue();
    }

    @Test
    void whenTwimlSaysSomethingAndHangsUpThenCallCompletesRightAfter() {
        // given the orchestrator's answer for a number it does not serve
        receiver.reply(
                "/voice", new Reply(200, "<Response><Say>This number is not in service.</Say><Hangup/></Response>"));

        // when
        String sid = api.createCall(CallForm.to("+15550100001")
                .voiceUrl(receiver.url("/voice"))
                .with("StatusCallback", receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().params())
                .containsEntry("CallStatus", "completed")
                .containsEntry("CallDuration", "2");
        assertThat(api.call(sid))
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("stream", null);
    }

    @Test
    void whenTwimlOnlySaysThenCallEndsWhenItRunsOut() {
        // when
        api.createCall(CallForm.to("+15550100001")
                .without("Twiml")
                .with("Twiml", "<Response><Say>Hello</Say><Pause length=\"4\"/></Response>")
                .with("StatusCallback", receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().params()).containsEntry("CallDuration", "5");
    }

    @Test
    void whenVoiceUrlAnswers500ThenApplicationErrorEndsTheCallWithoutRetry() {
        // given
        receiver.reply("/voice", new Reply(500, "oops"));

        // when
        String sid = api.createCall(CallForm.to("+15550100001")
                .voiceUrl(receiver.url("/voice"))
                .with("StatusCallback", receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().params())
                .containsEntry("CallStatus", "completed")
                .containsEntry("CallDuration", "3");
        assertThat(receiver.received("/voice")).hasSize(1);
        assertThat(api.call(sid))
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("httpStatus", 500)
                .containsEntry("errorCode", 11200);
    }

    @Test
    void whenVoiceUrlAnswersSomethingThatIsNotTwimlThenDocumentParseFailureEndsTheCall() {
        // given
        receiver.reply("/voice", new Reply(200, "{\"not\":\"twiml\"}"));

        // when
        String sid = api.createCall(CallForm.to("+15550100001")
                .voiceUrl(receiver.url("/voice"))
                .with("StatusCallback", receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().param("CallDuration"))
                .isEqualTo("3");
        assertThat(api.call(sid))
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("errorCode", 12100);
    }

    @Test
    void whenInlineTwimlGivenThenItIsFollowedWithoutAnyFetch() {
        // when
        String sid = api.createCall(CallForm.to("+15550100001")
                .without("Twiml")
                .with("Twiml", ASSISTANT_TWIML)
                .with("StatusCallback", receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().param("CallDuration"))
                .isEqualTo("65");
        Map<String, Object> call = api.call(sid);
        assertThat(call)
                .extractingByKey("voiceAnswer", as(InstanceOfAssertFactories.MAP))
                .containsEntry("source", "twiml")
                .extractingByKey("stream", as(InstanceOfAssertFactories.MAP))
                .containsEntry("parameters", Map.of("assistantId", "as_42", "callId", "call-7"));
        assertThat(api.deliveries(sid))
                .extracting(attempt -> attempt.get("kind"))
                .doesNotContain("voice");
    }

    @Test
    void whenCallIsNotAnsweredThenNothingIsFetched() {
        // when
        api.createCall(CallForm.to("+15550100002")
                .voiceUrl(receiver.url("/voice"))
                .with("StatusCallback", receiver.url("/status")));

        // then
        assertThat(awaitCallbacks("/status", 1).getFirst().param("CallStatus")).isEqualTo("busy");
        assertThat(receiver.received("/voice")).isEmpty();
    }

    private List<ReceivedWebhook> awaitCallbacks(String path, int count) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.received(path)).hasSize(count));
        return receiver.received(path);
    }
}
