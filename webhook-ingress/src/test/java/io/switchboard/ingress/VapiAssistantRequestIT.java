package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.routing.messaging.RoutingClient;
import io.switchboard.ingress.testing.TestRouter;
import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** VAPI's assistant-request, answered through the same routing request-reply as Twilio's voice URL. */
class VapiAssistantRequestIT extends WebhookIngressITSupport {

    private static final String ASSISTANT = "{\"assistantId\":\"6f2c8a14-3b7e-4d9a-8c1f-5e2b9d7a4c63\"}";

    @Autowired
    RoutingClient routingClient;

    @Autowired
    VapiProperties vapi;

    private TestRouter router;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callId = VapiMessages.newCallId();

    @BeforeEach
    void startOrchestratorStandIn() throws InterruptedException {
        router = new TestRouter(SharedKafkaBroker.bootstrapServers());
        // Replies are read from the latest offset: one sent before the reply consumer is placed would be missed.
        assertThat(routingClient.awaitReplyAssignment(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stop() throws InterruptedException {
        router.close();
    }

    @Test
    void whenOrchestratorDecidesThenItsJsonIsTheAnswerAndTheCallIsReceivedOnce() {
        router.answer(callId, "application/json", ASSISTANT);

        postWithSecret(VapiMessages.assistantRequest(callId))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .isEqualTo(ASSISTANT);

        RoutingRequested request = router.requestFor(callId);
        assertThat(request.provider()).isEqualTo("vapi");
        assertThat(request.accountId()).isEqualTo(SECRET_ACCOUNT);
        assertThat(request.from()).isEqualTo(VapiMessages.CUSTOMER_NUMBER);
        assertThat(request.to()).isEqualTo(VapiMessages.PHONE_NUMBER);
        var inbound = providerEvents
                .exactlyOneEventFor(callId)
                .as(EventTypes.INBOUND_CALL_RECEIVED)
                .payload();
        assertThat(inbound.provider()).isEqualTo("vapi");
        assertThat(inbound.to()).isEqualTo(VapiMessages.PHONE_NUMBER);
    }

    @Test
    void whenNoDecisionWithinTheDeadlineThenTheFallbackJsonWellInsideVapisLimit() {
        Duration deadline = vapi.assistantRequest().deadline();
        long started = System.nanoTime();

        postSigned(VapiMessages.assistantRequest(callId))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .isEqualTo(VapiProperties.AssistantRequest.DEFAULT_FALLBACK);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(deadline.minusMillis(100)).isLessThan(deadline.plusMillis(300));
        assertThat(router.requestFor(callId)).isNotNull();
    }

    @Test
    void whenTheDecisionIsNotInVapisLanguageThenTheFallback() {
        router.answer(callId, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");

        postWithSecret(VapiMessages.assistantRequest(callId))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(VapiProperties.AssistantRequest.DEFAULT_FALLBACK);
    }

    @Test
    void whenVapiAsksAgainThenTheSameAnswerButTheCallIsReceivedOnce() {
        router.answer(callId, "application/json", ASSISTANT);

        postWithSecret(VapiMessages.assistantRequest(callId))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(ASSISTANT);
        postWithSecret(VapiMessages.assistantRequest(callId))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(ASSISTANT);

        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(10))
                .until(() -> providerEvents.eventsFor(callId).size() == 1);
    }
}
