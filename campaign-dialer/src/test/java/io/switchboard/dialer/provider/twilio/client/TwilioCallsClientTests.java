package io.switchboard.dialer.provider.twilio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.ProviderResult;
import io.switchboard.dialer.placement.domain.ProviderUnavailableException;
import io.switchboard.dialer.placement.domain.SendTurn;
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

    private final FakeTwilioServer twilio = FakeTwilioServer.start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void whenACallIsPlacedThenItsRequestLeavesOnlyOnceItsTurnHasCome() {
        var client = client(twilio.baseUrl());
        // Warm: the turn must be taken after the SDK's own work, which is slowest on a client's first call.
        client.place(new OutboundCall("acme", "req-0", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);
        Instant[] turnCame = new Instant[1];

        client.place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), () -> {
            Thread.sleep(200);
            turnCame[0] = Instant.now();
        });

        assertThat(twilio.creates()).hasSize(2);
        assertThat(twilio.creates().getLast().at()).isAfterOrEqualTo(turnCame[0]);
    }

    @Test
    void whenTheConnectionCannotBeOpenedThenTheTurnIsNeverAwaited() throws IOException {
        URI closed;
        try (var socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        var awaited = new AtomicInteger();

        ProviderResult result = client(closed)
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), awaited::incrementAndGet);

        assertThat(result).isInstanceOf(ProviderResult.NotCreated.class);
        assertThat(awaited)
                .as("the turn comes after the connection is open, so that opening it cannot delay the send")
                .hasValue(0);
    }

    @Test
    void whenAListOrAnUpdateIsSentThenNoTurnIsWaitedFor() {
        var client = client(twilio.baseUrl());
        var call = new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL);
        String callId = ((ProviderResult.Accepted) client.place(call, SendTurn.NOW)).callId();

        assertThat(client.find(call, Instant.EPOCH, Set.of())).contains(callId);
        client.hangUp(call, callId);

        assertThat(twilio.received()).hasSize(3);
    }

    @Test
    void whenCallPlacedThenSdkPostsTwilioFormWithBasicAuth() {
        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 3600, CREDENTIAL), SendTurn.NOW);

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
    void whenRateLimitedThenThrottledAfterOneRequestForThePacerToPauseTheAccount() {
        twilio.script(TO, Reply.error(429, 20429, "Too Many Requests"));

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.Throttled.class,
                        throttled -> assertThat(throttled.reason()).contains("20429"));
        assertThat(twilio.received())
                .as("sent once: a request sent again here would not take its turn")
                .hasSize(1);
        assertThat(twilio.calls()).isEmpty();
        assertThat(meters.get("switchboard.dialer.provider.requests")
                        .tag("outcome", "throttled")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void whenTwilioSaysTooManyRequestsByItsErrorCodeAloneThenThrottledAfterOneRequest() {
        twilio.script(TO, Reply.error(400, 20429, "Too Many Requests"));

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result).isInstanceOf(ProviderResult.Throttled.class);
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void whenAnHttp429CarriesNoTwilioErrorThenThrottledToo() {
        twilio.script(TO, new Reply(429, "<html>Slow down</html>"));

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result).isInstanceOf(ProviderResult.Throttled.class);
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void whenServerErrorThenNeverSentAgainAndTheOutcomeIsUnknown() {
        twilio.script(TO, Reply.createdThenError(503, 20003, "Service Unavailable"));

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

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

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result).isInstanceOf(ProviderResult.Unknown.class);
        assertThat(twilio.creates()).hasSize(1);
    }

    @Test
    void whenTheAnswerComesTooLateThenNeverSentAgainAndTheOutcomeIsUnknown() {
        twilio.script(TO, Reply.createdThenLate(Duration.ofSeconds(3)));

        ProviderResult result = client(twilio.baseUrl(), Duration.ofMillis(500))
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result).isInstanceOf(ProviderResult.Unknown.class);
        assertThat(twilio.creates()).hasSize(1);
        assertThat(twilio.calls()).hasSize(1);
    }

    @Test
    void whenLookingForARequestsCallThenTheEarliestSinceTheIntentNotYetAdoptedIsFound() {
        var client = client(twilio.baseUrl());
        var call = new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL);
        Instant before = Instant.now().minusSeconds(1);
        String first = ((ProviderResult.Accepted) client.place(call, SendTurn.NOW)).callId();
        String second = ((ProviderResult.Accepted) client.place(call, SendTurn.NOW)).callId();
        client.place(new OutboundCall("acme", "req-9", "+14155550199", FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(client.find(call, before, Set.of())).contains(first);
        assertThat(client.find(call, before, Set.of(first))).contains(second);
        assertThat(client.find(call, before, Set.of(first, second))).isEmpty();
        assertThat(client.find(call, Instant.now().plusSeconds(60), Set.of())).isEmpty();
    }

    @Test
    void whenNumberInvalidThenRefusedWithProviderMessageWithoutRetry() {
        twilio.script(TO, Reply.error(400, 21211, "The 'To' number +14155552671 is not a valid phone number."));

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

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

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("HTTP 404"));
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void whenServerErrorWithoutACallThenStillUnknownAfterOneRequest() {
        twilio.script(TO, Reply.error(500, 20500, "Internal Server Error"));

        ProviderResult result = client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

        assertThat(result)
                .as("a 5xx says nothing of whether the call exists")
                .isInstanceOfSatisfying(
                        ProviderResult.Unknown.class,
                        unknown -> assertThat(unknown.reason()).contains("500"));
        assertThat(twilio.received()).as("the SDK's own 5xx retries are off").hasSize(1);
    }

    @Test
    void whenProviderUnreachableThenNothingWasCreatedAfterOneConnectionAttempt() throws IOException {
        // Nothing listens to count requests at a closed port: the HTTP client's proxy lookups are counted instead,
        // as many as it makes for one request Twilio answers.
        twilio.script(TO, Reply.error(400, 21211, "invalid"));
        var reachable = new CountingRoutes(twilio.baseUrl().getPort());
        withRoutes(
                reachable,
                () -> client(twilio.baseUrl())
                        .place(new OutboundCall("acme", "req-0", TO, FROM, 60, CREDENTIAL), SendTurn.NOW));
        assertThat(twilio.received()).hasSize(1);
        URI closed;
        try (var socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        var unreachable = new CountingRoutes(closed.getPort());
        URI closedPort = closed;

        ProviderResult result = withRoutes(
                unreachable,
                () -> client(closedPort)
                        .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL), SendTurn.NOW));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ProviderResult.NotCreated.class,
                        notCreated -> assertThat(notCreated.reason()).startsWith("Twilio"));
        assertThat(reachable.lookups.get()).isPositive();
        assertThat(unreachable.lookups).hasValue(reachable.lookups.get());
        assertThat(meters.get("switchboard.dialer.provider.requests")
                        .tag("outcome", "not-created")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void whenTheRequestAsksForMachineDetectionThenTwilioDetectsAsynchronouslyAndReportsToTheRequestsUrl() {
        var hangUp = new MachineDetection(MachineDetection.OnMachine.HANG_UP, null);
        var leaveMessage = new MachineDetection(MachineDetection.OnMachine.LEAVE_MESSAGE, "Call us back");

        client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-1", TO, FROM, 60, CREDENTIAL, hangUp), SendTurn.NOW);
        client(twilio.baseUrl())
                .place(new OutboundCall("acme", "req-2", TO, FROM, 60, CREDENTIAL, leaveMessage), SendTurn.NOW);
        client(twilio.baseUrl()).place(new OutboundCall("acme", "req-3", TO, FROM, 60, CREDENTIAL), SendTurn.NOW);

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
        String callId = ((ProviderResult.Accepted) client.place(call, SendTurn.NOW)).callId();

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
        var twilioSettings = new DialerProperties.Twilio(apiBaseUrl, timeout);
        return new TwilioCallsClient(new TwilioRestClients(twilioSettings), INGRESS, OVERRIDES, meters);
    }

    private static <T> T withRoutes(ProxySelector routes, Supplier<T> action) {
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(routes);
        try {
            return action.get();
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    /** No proxy, counting how often the HTTP client asks for the proxy to one port: a fixed number per request. */
    private static final class CountingRoutes extends ProxySelector {

        private final int port;
        private final AtomicInteger lookups = new AtomicInteger();

        CountingRoutes(int port) {
            this.port = port;
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (uri.getPort() == port) {
                lookups.incrementAndGet();
            }
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
    }
}
