package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.switchboard.events.account.AccountCredentials;
import io.switchboard.events.account.Credential;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.FormBodies;
import io.switchboard.testsupport.ManagementClient;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** No broker at all: the ingress still starts, is not ready, and refuses to acknowledge what it cannot store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngressKafkaDownIT {

    private static final String PUBLIC_BASE_URL = "https://ingress.example.test";
    private static final String AUTH_TOKEN = "auth-" + UUID.randomUUID();
    private static final String STATUS = "/webhooks/twilio/acme/status";

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    @Autowired
    AccountDirectory accounts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SwitchboardTestProperties.register(registry, "/switchboard/webhook-ingress", () -> "127.0.0.1:" + closedPort);
        TestSecrets.register(registry);
        registry.add("switchboard.ingress.public-base-url", () -> PUBLIC_BASE_URL);
    }

    /** First: the other tests load accounts by hand, as the follower would have before the broker went away. */
    @Test
    @Order(1)
    void whenAccountsCannotBeLoadedThenNotReadyAndWebhooksGetServiceUnavailable() {
        var management = ManagementClient.on(managementPort);
        management.readiness().expectStatus().isEqualTo(503);
        management.liveness().expectStatus().isOk();

        post(STATUS, TwilioForms.status(TwilioForms.newCallSid()), "bm90IGEgc2lnbmF0dXJl")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "1");
    }

    @Test
    void whenAccountsWereLoadedButTheBrokerIsUnreachableThenSignedCallbackGetsServiceUnavailableWithinSeconds() {
        accountsLoadedBeforeTheBrokerWentAway();
        var form = TwilioForms.status(TwilioForms.newCallSid());
        long started = System.nanoTime();

        post(STATUS, form, TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + STATUS, form))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void whenAccountsWereLoadedButTheBrokerIsUnreachableThenInboundCallGetsServiceUnavailableNotAFalseAnswer() {
        accountsLoadedBeforeTheBrokerWentAway();
        String voice = "/webhooks/twilio/acme/voice";
        var form = TwilioForms.voice(TwilioForms.newCallSid());

        post(voice, form, TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + voice, form))
                .expectStatus()
                .isEqualTo(503);
    }

    @Test
    void whenAccountsWereLoadedButTheBrokerIsUnreachableThenBadSignaturesAreStillForbidden() {
        accountsLoadedBeforeTheBrokerWentAway();

        post(STATUS, TwilioForms.status(TwilioForms.newCallSid()), "bm90IGEgc2lnbmF0dXJl")
                .expectStatus()
                .isForbidden();
    }

    /** What the follower would hold had it read accounts.v1 before the broker became unreachable. */
    private void accountsLoadedBeforeTheBrokerWentAway() {
        accounts.put(new AccountCredentials(
                "acme",
                Map.of("twilio", new Credential("twilio", TwilioForms.ACCOUNT_SID, AUTH_TOKEN, null)),
                Set.of()));
        accounts.loadedWhen(() -> true);
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, String> form, String signature) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(15))
                .build()
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(TwilioSignatures.HEADER, signature)
                .body(BodyInserters.fromValue(FormBodies.encode(form)))
                .exchange();
    }
}
