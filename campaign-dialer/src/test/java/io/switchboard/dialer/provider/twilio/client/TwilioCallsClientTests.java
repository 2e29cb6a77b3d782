package io.switchboard.dialer.provider.twilio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.ProviderResult;
import io.switchboard.dialer.placement.domain.ProviderUnavailableException;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Reply;
import io.switchboard.events.account.Credential;
import io.switchboard.events.request.MachineDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwilioCallsClientTests {

    private static final Credential CREDENTIAL =
            new Credential("twilio", FakeTwilioServer.ACCOUNT_SID, FakeTwilioServer.AUTH_TOKEN, null);

    private static final URI INGRESS = URI.create("https://hooks.example.com");
    private static final String OVERRIDES = "ct=3000&rt=10000&rc=3&rp=ct,rt,5xx";
    private static final String TO = "+14155552671";
    private static final String FROM = "+14155550123";
    private static final int MAX_ATTEMPTS = 3;

    private final FakeTwilioServer twilio = FakeTwilioServer.start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Retry retry;

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void whenCallPlacedThenSdkPostsTwilioFormWithBasicAuth() {
        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 3600, CREDENTIAL));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.Accepted.class,
                        accepted -> assertThat(accepted.callId()).startsWith("CA"));
        assertThat(twilio.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path())
                    .isEqualTo("/2010-04-01/Accounts/" + FakeTwilioServer.ACCOUNT_SID + "/Calls.json");
            assertThat(request.authorization())
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString((FakeTwilioServer.ACCOUNT_SID + ":" + FakeTwilioServer.AUTH_TOKEN)
                                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(request.param("To")).isEqualTo(TO);
            assertThat(request.param("From")).isEqualTo(FROM);
            assertThat(request.param("Url"))
                    .isEqualTo("https://hooks.example.com/webhooks/twilio/acme/outbound/req-1/voice#" + OVERRIDES);
            assertThat(request.param("StatusCallback"))
                    .isEqualTo("https://hooks.example.com/webhooks/twilio/acme/status#" + OVERRIDES);
            assertThat(request.param("StatusCallbackMethod")).isEqualTo("POST");
            assertThat(request.form().get("StatusCallbackEvent"))
                    .containsExactly("initiated", "ringing", "answered", "completed");
            assertThat(request.param("Record")).isEqualTo("true");
            assertThat(request.param("RecordingStatusCallback"))
                    .isEqualTo("https://hooks.example.com/webhooks/twilio/acme/recording#" + OVERRIDES);
            assertThat(request.param("TimeLimit")).isEqualTo("3600");
        });
        assertThat(meters.get("switchboard.dialer.provider.requests")
                        .tag("outcome", "accepted")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void whenRateLimitedThenRetriedAndPlaced() {
        twilio.script(TO, Reply.error(429, 20429, "Too Many Requests"));

        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result).isInstanceOf(ProviderResult.Accepted.class);
        assertThat(twilio.received()).hasSize(2);
    }

    @Test
    void whenServerErrorThenNeverSentAgainAndTheOutcomeIsUnknown() {
        twilio.script(TO, Reply.createdThenError(503, 20003, "Service Unavailable"));

        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.Unknown.class,
                        unknown -> assertThat(unknown.reason()).contains("503"));
        assertThat(twilio.creates()).hasSize(1);
        assertThat(twilio.calls()).hasSize(1);
    }

    @Test
    void whenAProxyAnswersWithAnHtmlServerErrorThenTheOutcomeIsUnknownToo() {
        twilio.script(TO, new Reply(502, "<html>Bad Gateway</html>"));

        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result).isInstanceOf(ProviderResult.Unknown.class);
        assertThat(twilio.creates()).hasSize(1);
    }

    @Test
    void whenTheAnswerComesTooLateThenNeverSentAgainAndTheOutcomeIsUnknown() {
        twilio.script(TO, Reply.createdThenLate(Duration.ofSeconds(3)));

        ProviderResult result = client(twilio.baseUrl(), Duration.ofMillis(500))
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result).isInstanceOf(ProviderResult.Unknown.class);
        assertThat(twilio.creates()).hasSize(1);
        assertThat(twilio.calls()).hasSize(1);
    }

    @Test
    void whenLookingForARequestsCallThenTheEarliestSinceTheIntentNotYetAdoptedIsFound() {
        var client = client(twilio.baseUrl());
        var call = new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL);
        Instant before = Instant.now().minusSeconds(1);
        String first = ((ProviderResult.Accepted) client.place(call)).callId();
        String second = ((ProviderResult.Accepted) client.place(call)).callId();
        client.place(new OutboundCall("acme", "req-9", "+14155550199", FROM, 60, CREDENTIAL));

        assertThat(client.find(call, before, Set.of())).contains(first);
        assertThat(client.find(call, before, Set.of(first))).contains(second);
        assertThat(client.find(call, before, Set.of(first, second))).isEmpty();
        assertThat(client.find(call, Instant.now().plusSeconds(60), Set.of())).isEmpty();
    }

    @Test
    void whenNumberInvalidThenRefusedWithProviderMessageWithoutRetry() {
        twilio.script(TO, Reply.error(400, 21211, "The 'To' number +14155552671 is not a valid phone number."));

        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.Refused.class,
                        refused ->
                                assertThat(refused.reason()).contains("21211").contains("is not a valid phone number"));
        assertThat(twilio.received()).hasSize(1);
        assertThat(meters.get("switchboard.dialer.provider.requests")
                        .tag("outcome", "refused")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void whenErrorAnswerIsNotTwilioJsonThenItsStatusStillDecides() {
        twilio.script(TO, new Reply(404, "<html>Not Found</html>"));

        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("HTTP 404"));
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void whenRateLimitOutlastsRetriesThenNothingWasCreatedAfterExactlyMaxAttempts() {
        Reply tooMany = Reply.error(429, 20429, "Too Many Requests");
        twilio.script(TO, tooMany, tooMany, tooMany, tooMany);

        ProviderResult result =
                client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.NotCreated.class,
                        notCreated -> assertThat(notCreated.reason())
                                .contains("after " + MAX_ATTEMPTS + " attempts")
                                .contains("20429"));
        // The SDK's own 5xx retries are off: Resilience4j alone decides how often a call is attempted.
        assertThat(twilio.received()).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void whenProviderUnreachableThenRetriedThenNothingWasCreated() throws IOException {
        URI closed;
        try (var socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        ProviderResult result = client(closed).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.NotCreated.class,
                        notCreated -> assertThat(notCreated.reason()).contains("after " + MAX_ATTEMPTS + " attempts"));
        assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void whenTheRequestAsksForMachineDetectionThenTwilioDetectsAsynchronouslyAndReportsToTheRequestsUrl() {
        var hangUp = new MachineDetection(MachineDetection.OnMachine.HANG_UP, null);
        var leaveMessage = new MachineDetection(MachineDetection.OnMachine.LEAVE_MESSAGE, "Call us back");

        client(twilio.baseUrl()).place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL, hangUp));
        client(twilio.baseUrl()).place(new OutboundCall("acme", "req-2", TO, FROM, 60, CREDENTIAL, leaveMessage));
        client(twilio.baseUrl()).place(new OutboundCall("acme", "req-3", TO, FROM, 60, CREDENTIAL));

        var placed = twilio.creates();
        assertThat(placed.get(0).param("MachineDetection")).isEqualTo("Enable");
        assertThat(placed.get(0).param("AsyncAmd")).isEqualTo("true");
        assertThat(placed.get(0).param("AsyncAmdStatusCallback"))
                .isEqualTo("https://hooks.example.com/webhooks/twilio/acme/outbound/req-1/amd#" + OVERRIDES);
        assertThat(placed.get(0).param("AsyncAmdStatusCallbackMethod")).isEqualTo("POST");
        assertThat(placed.get(1).param("MachineDetection"))
                .as("a message is left after the greeting: detection waits for its end")
                .isEqualTo("DetectMessageEnd");
        assertThat(placed.get(2).form()).doesNotContainKeys("MachineDetection", "AsyncAmd");
    }

    @Test
    void whenAMachineIsHungUpOrGivenAMessageThenTheCallIsUpdatedOnTheAccountsTwilioAccount() {
        var client = client(twilio.baseUrl());
        var call = new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL);
        String callId = ((ProviderResult.Accepted) client.place(call)).callId();

        client.hangUp(call, callId);
        client.leaveMessage(call, callId, "Call us back <today> & ask for Jo");

        assertThat(twilio.updates()).hasSize(2);
        assertThat(twilio.updates().get(0).path()).endsWith("/Calls/" + callId + ".json");
        assertThat(twilio.updates().get(0).param("Status")).isEqualTo("completed");
        assertThat(twilio.updates().get(1).param("Twiml"))
                .as("the message escaped, said, then the call ends")
                .contains("<Say>Call us back &lt;today&gt; &amp; ask for Jo</Say>")
                .contains("<Hangup/>");
    }

    @Test
    void whenTheCallIsGoneThenTheUpdateIsLeftAloneAndWhenTwilioIsUnreachableItIsTriedAgain() {
        var call = new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL);

        client(twilio.baseUrl()).hangUp(call, "CA00000000000000000000000000000000");

        URI closed = URI.create("http://127.0.0.1:1");
        assertThatThrownBy(() -> client(closed).hangUp(call, "CA00000000000000000000000000000000"))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    private TwilioCallsClient client(URI apiBaseUrl) {
        return client(apiBaseUrl, Duration.ofSeconds(5));
    }

    private TwilioCallsClient client(URI apiBaseUrl, Duration timeout) {
        var retrySettings = new DialerProperties.Retry(MAX_ATTEMPTS, Duration.ofMillis(5), 2.0, Duration.ofMillis(20));
        var twilioSettings = new DialerProperties.Twilio(apiBaseUrl, timeout, retrySettings);
        retry = Retry.of("test", TwilioCallsClient.retryConfig(retrySettings));
        return new TwilioCallsClient(new TwilioRestClients(twilioSettings), retry, INGRESS, OVERRIDES, meters);
    }
}
