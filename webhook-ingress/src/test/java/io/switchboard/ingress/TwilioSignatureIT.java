package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.FormBodies;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Twilio's signature rules end to end: JSON bodies, ports, the query as sent, proxies, repeated fields. */
class TwilioSignatureIT extends WebhookIngressITSupport {

    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";

    @LocalServerPort
    int port;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();

    @Test
    void whenJsonBodyHashIsSignedInTheUrlThenAccepted() {
        String body = json(callSid);
        String path = STATUS + "?bodySHA256=" + TwilioSignatures.bodySha256(body);

        postJson(path, body, TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, Map.of()))
                .expectStatus()
                .isOk();

        var payload = providerEvents
                .exactlyOneEventFor(callSid)
                .as(EventTypes.CALL_STATUS_REPORTED)
                .payload();
        assertThat(payload.status()).isEqualTo(CallStatus.RINGING);
    }

    @Test
    void whenJsonBodyIsNotTheHashedOneThenForbiddenAsBodyHashMismatch() {
        String path = STATUS + "?bodySHA256=" + TwilioSignatures.bodySha256(json(callSid));
        String tampered = json(callSid).replace("ringing", "completed");

        postJson(path, tampered, TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, Map.of()))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("body-hash-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenJsonUrlCarriesNoBodyHashThenForbidden() {
        postJson(STATUS, json(callSid), TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + STATUS, Map.of()))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("body-hash-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenTwilioSignedTheUrlWithTheDefaultPortThenAccepted() {
        var form = TwilioForms.status(callSid);
        String withPort = PUBLIC_BASE_URL + ":443" + STATUS;

        post(STATUS, form, TwilioSignatures.sign(AUTH_TOKEN, withPort, form), null)
                .expectStatus()
                .isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenTheQueryHoldsPercentEncodedCharactersThenItIsVerifiedExactlyAsSent() {
        var form = TwilioForms.status(callSid);
        String pathAndQuery = STATUS + "?to=%2B14155552671&note=a%26b%3Dc&who=J%C3%BCrgen";

        exact(pathAndQuery)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + pathAndQuery, form))
                .bodyValue(FormBodies.encode(form))
                .exchange()
                .expectStatus()
                .isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenForwardedHeadersComeFromAnUntrustedPeerThenTheConfiguredPublicUrlStillCounts() {
        var form = TwilioForms.status(callSid);
        String forForwardedHost = TwilioSignatures.sign(AUTH_TOKEN, "http://evil.example.test" + STATUS, form);

        web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "evil.example.test")
                .header("X-Twilio-Signature", forForwardedHost)
                .bodyValue(FormBodies.encode(form))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "evil.example.test")
                .header("X-Twilio-Signature", sign(STATUS, form))
                .bodyValue(FormBodies.encode(form))
                .exchange()
                .expectStatus()
                .isOk();

        providerEvents.exactlyOneEventFor(callSid);
    }

    @Test
    void whenAFieldIsRepeatedThenTheSignatureCoversEveryValueAndTheFirstValueCounts() {
        var form = TwilioForms.status(callSid);
        var fields = new LinkedHashMap<String, List<String>>();
        form.forEach((key, value) -> fields.put(key, List.of(value)));
        fields.put("CallStatus", List.of("ringing", "busy"));
        String body = FormBodies.encode(form).replace("CallStatus=completed", "CallStatus=ringing&CallStatus=busy");

        web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", TwilioSignatures.signFields(AUTH_TOKEN, PUBLIC_BASE_URL + STATUS, fields))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();

        var payload = providerEvents
                .exactlyOneEventFor(callSid)
                .as(EventTypes.CALL_STATUS_REPORTED)
                .payload();
        assertThat(payload.status()).isEqualTo(CallStatus.RINGING);
    }

    private WebTestClient.ResponseSpec postJson(String pathAndQuery, String body, String signature) {
        return exact(pathAndQuery)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Twilio-Signature", signature)
                .bodyValue(body)
                .exchange();
    }

    /** A request to exactly this path and query: a URI, not a template, so nothing is re-encoded. */
    private WebTestClient.RequestBodySpec exact(String pathAndQuery) {
        return web.post().uri(URI.create("http://localhost:" + port + pathAndQuery));
    }

    private static String json(String callSid) {
        return "{\"AccountSid\":\"" + TwilioForms.ACCOUNT_SID + "\",\"CallSid\":\"" + callSid
                + "\",\"CallStatus\":\"ringing\",\"SequenceNumber\":1}";
    }
}
