package io.switchboard.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.VapiSignatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A VAPI server message that is not authentic or not readable gets a clear 4xx, never a 5xx, and nothing is published. */
class VapiBadInputIT extends WebhookIngressITSupport {

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callId = VapiMessages.newCallId();

    @AfterEach
    void nothingPublished() {
        providerEvents.assertNothingPublishedFor(callId);
    }

    @Test
    void whenTheSecretHeaderIsMissingThenUnauthorized() {
        post(vapiPath(SECRET_ACCOUNT), VapiMessages.statusUpdate(callId, "ringing"), null, null)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer realm=\"vapi\"")
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("missing-secret");
    }

    @Test
    void whenTheSecretIsWrongThenForbidden() {
        web.post()
                .uri(vapiPath(SECRET_ACCOUNT))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", "guess")
                .bodyValue(VapiMessages.statusUpdate(callId, "ringing"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("secret-mismatch");
    }

    @Test
    void whenTheSignatureIsMissingThenUnauthorized() {
        post(vapiPath(HMAC_ACCOUNT), VapiMessages.statusUpdate(callId, "ringing"), null, VapiSignatures.now())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("missing-signature");
    }

    @Test
    void whenTheBodyIsTamperedAfterSigningThenForbidden() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");
        String timestamp = VapiSignatures.now();
        String signature = VapiSignatures.sign(HMAC_SECRET, timestamp, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("ringing", "ended")
                .getBytes(StandardCharsets.UTF_8);

        post(vapiPath(HMAC_ACCOUNT), tampered, signature, timestamp)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("signature-mismatch");
    }

    @Test
    void whenSignedWithAnotherSecretThenForbidden() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");
        String timestamp = VapiSignatures.now();

        post(vapiPath(HMAC_ACCOUNT), body, VapiSignatures.sign(SECRET, timestamp, body), timestamp)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void whenTheTimestampIsStaleOrFromTheFutureThenForbidden() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");

        postSigned(body, String.valueOf(Instant.now().minusSeconds(301).getEpochSecond()))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("stale-timestamp");
        postSigned(body, String.valueOf(Instant.now().plusSeconds(301).toEpochMilli()))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("stale-timestamp");
    }

    @Test
    void whenTheAccountIsUnknownOrHasNoVapiCredentialThenNotFound() {
        web.post()
                .uri(vapiPath("nobody-" + callId))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", SECRET)
                .bodyValue(VapiMessages.statusUpdate(callId, "ringing"))
                .exchange()
                .expectStatus()
                .isNotFound();
        web.post()
                .uri(vapiPath(ACCOUNT))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", SECRET)
                .bodyValue(VapiMessages.statusUpdate(callId, "ringing"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenAuthenticJsonIsMalformedThenBadRequest() {
        postSigned(("{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"" + callId + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whenAuthenticMessageLacksWhatItsTypeNeedsThenBadRequestNamingIt() {
        postWithSecret(("{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"" + callId + "\"}}}")
                        .getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("message.status is required");
        postWithSecret(("{\"message\":{\"type\":\"status-update\",\"status\":\"answered\",\"call\":{\"id\":\"" + callId
                                + "\"}}}")
                        .getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whenTheBodyIsOverTheLimitThenContentTooLarge() {
        String padding = "x".repeat(1_100_000);
        byte[] body = ("{\"message\":{\"type\":\"hang\",\"pad\":\"" + padding + "\",\"call\":{\"id\":\"" + callId
                        + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        postWithSecret(body).expectStatus().isEqualTo(413);
    }

    @Test
    void whenTheContentTypeIsNotJsonThenUnsupportedMediaType() {
        web.post()
                .uri(vapiPath(SECRET_ACCOUNT))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Vapi-Secret", SECRET)
                .bodyValue("message=" + callId)
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void whenTheMethodIsNotPostThenMethodNotAllowed() {
        web.get().uri(vapiPath(SECRET_ACCOUNT)).exchange().expectStatus().isEqualTo(405);
    }

    private WebTestClient.ResponseSpec post(String path, byte[] body, String signature, String timestamp) {
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add(VapiSignatures.SIGNATURE_HEADER, signature);
                    }
                    if (timestamp != null) {
                        headers.add(VapiSignatures.TIMESTAMP_HEADER, timestamp);
                    }
                })
                .bodyValue(body)
                .exchange();
    }
}
