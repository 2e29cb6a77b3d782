package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.config.IngressProperties;
import io.switchboard.ingress.provider.twilio.config.TwilioProperties;
import io.switchboard.ingress.routing.messaging.RoutingClient;
import io.switchboard.ingress.testing.TestRouter;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class TwilioVoiceWebhookIT extends WebhookIngressITSupport {

    private static final String VOICE = "/webhooks/twilio/" + ACCOUNT + "/voice";
    private static final String CONNECT_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect>"
            + "<Stream url=\"wss://assistants.example.test/a1\"/></Connect></Response>";

    @Autowired
    RoutingClient routingClient;

    @Autowired
    IngressProperties properties;

    @Autowired
    MeterRegistry meters;

    private TestRouter router;
    private TopicProbe providerEvents;
    private final String callSid = TwilioForms.newCallSid();

    @BeforeEach
    void startOrchestratorStandIn() throws InterruptedException {
        router = new TestRouter(SharedKafkaBroker.bootstrapServers());
        providerEvents = TopicProbe.fromEnd(SharedKafkaBroker.bootstrapServers(), Topic.PROVIDER_EVENTS);
        // Replies are read from the latest offset: one sent before the reply consumer is placed would be missed.
        assertThat(routingClient.awaitReplyAssignment(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stop() throws InterruptedException {
        router.close();
        providerEvents.close();
    }

    @Test
    void whenOrchestratorDecidesThenItsTwimlIsTheAnswer() {
        router.answer(callSid, CONNECT_TWIML);

        postSigned(VOICE, TwilioForms.voice(callSid))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class)
                .isEqualTo(CONNECT_TWIML);

        var request = router.requestFor(callSid);
        assertThat(request.accountId()).isEqualTo(ACCOUNT);
        assertThat(request.from()).isEqualTo("+14155552671");
        assertThat(request.to()).isEqualTo("+15005550006");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> providerEvents.eventsFor(callSid).size() == 1);
        var inbound = providerEvents.eventsFor(callSid).getFirst();
        assertThat(inbound.is(EventTypes.INBOUND_CALL_RECEIVED)).isTrue();
        assertThat(inbound.as(EventTypes.INBOUND_CALL_RECEIVED).payload().accountId())
                .isEqualTo(ACCOUNT);
    }

    @Test
    void whenNoDecisionWithinTheDeadlineThenTheFallbackIsAnsweredAndCounted() {
        Duration deadline = properties.routing().deadline();
        double missesBefore = deadlineMisses();
        long started = System.nanoTime();

        postSigned(VOICE, TwilioForms.voice(callSid))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class)
                .isEqualTo(TwilioProperties.DEFAULT_FALLBACK);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(deadline.minusMillis(100)).isLessThan(deadline.plusMillis(300));
        assertThat(deadlineMisses()).isEqualTo(missesBefore + 1);
        assertThat(router.requestFor(callSid)).isNotNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> providerEvents.eventsFor(callSid).size() == 1);
    }

    @Test
    void whenTwilioAsksAgainForTheSameCallThenItGetsItsTwimlAgainButTheCallIsReceivedOnce() {
        router.answer(callSid, CONNECT_TWIML);

        postSigned(VOICE, TwilioForms.voice(callSid))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(CONNECT_TWIML);
        postSigned(VOICE, TwilioForms.voice(callSid))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(CONNECT_TWIML);

        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(10))
                .until(() -> providerEvents.eventsFor(callSid).size() == 1);
    }

    @Test
    void whenAPlacedCallIsAnsweredThenTheRoutingRequestNamesItsRequestAndNoInboundCallIsRecorded() {
        router.answer(callSid, CONNECT_TWIML);
        String answered = "/webhooks/twilio/" + ACCOUNT + "/outbound/crm:2026-12:0001/voice";
        var form = TwilioForms.voice(callSid);
        form.put("Direction", "outbound-api");

        postSigned(answered, form)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(CONNECT_TWIML);

        var request = router.requestFor(callSid);
        assertThat(request.requestId()).isEqualTo("crm:2026-12:0001");
        assertThat(request.accountId()).isEqualTo(ACCOUNT);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> providerEvents.eventsFor(callSid).isEmpty());
    }

    @Test
    void whenAnAnsweredCallsRequestIdIsNotOneTheDialerCouldHaveGivenThenNotFoundAndNoRoutingAsked() {
        var form = TwilioForms.voice(callSid);
        String answered = "/webhooks/twilio/" + ACCOUNT + "/outbound/" + "x".repeat(129) + "/voice";

        postSigned(answered, form).expectStatus().isNotFound();

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> router.requestFor(callSid) == null);
    }

    @Test
    void whenAnAnsweredCallsSignatureIsWrongThenForbiddenAndNoRoutingAsked() {
        String answered = "/webhooks/twilio/" + ACCOUNT + "/outbound/r1/voice";
        var form = TwilioForms.voice(callSid);
        // signed for another request's voice URL: the request id is covered by the signature
        String signature = sign("/webhooks/twilio/" + ACCOUNT + "/outbound/r2/voice", form);

        post(answered, form, signature, null).expectStatus().isForbidden();

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> router.requestFor(callSid) == null);
    }

    @Test
    void whenVoiceSignatureIsWrongThenForbiddenAndNoRoutingAsked() {
        var form = TwilioForms.voice(callSid);
        String signature = sign(VOICE, form);
        form.put("To", "+19005550000");

        post(VOICE, form, signature, null).expectStatus().isForbidden();

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> router.requestFor(callSid) == null
                        && providerEvents.eventsFor(callSid).isEmpty());
    }

    private double deadlineMisses() {
        var counter = meters.find("switchboard.routing.deadline.misses").counter();
        return counter == null ? 0 : counter.count();
    }
}
