package io.switchboard.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.testing.VapiSignatures;
import io.switchboard.ingress.testing.WebhookProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A VAPI server message that is not authentic or not readable gets a clear 4xx, never a 5xx, and nothing is published. */
class VapiBadInputIT extends VapiITSupport {

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();
    private final String callId = VapiMessages.newCallId();

    @AfterEach
    void nothingPublished() {
        providerEvents.assertNothingPublishedFor(callId);
    }

    @Test
    void whenTheSecretHeaderIsMissingThenUnauthorized() {
        post(path(SECRET_ACCOUNT), VapiMessages.statusUpdate(callId, "ringing"), null, null)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"vapi\"")
                .expectBody().jsonPath("$.detail").isEqualTo("missing-secret");
    }

    @Test
    void whenTheSecretIsWrongThenForbidden() {
        web.post().uri(path(SECRET_ACCOUNT)).contentType(MediaType.APPLICATION_JSON).header("X-Vapi-Secret", "guess")
                .bodyValue(VapiMessages.statusUpdate(callId, "ringing")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("secret-mismatch");
    }

    @Test
    void whenTheSignatureIsMissingThenUnauthorized() {
        post(path(HMAC_ACCOUNT), VapiMessages.statusUpdate(callId, "ringing"), null, now())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("missing-signature");
    }

    @Test
    void whenTheBodyIsTamperedAfterSigningThenForbidden() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");
        String timestamp = now();
        String signature = VapiSignatures.sign(HMAC_SECRET, timestamp, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("ringing", "ended").getBytes(StandardCharsets.UTF_8);

        post(path(HMAC_ACCOUNT), tampered, signature, timestamp).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("signature-mismatch");
    }

    @Test
    void whenSignedWithAnotherSecretThenForbidden() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");
        String timestamp = now();

        post(path(HMAC_ACCOUNT), body, VapiSignatures.sign(SECRET, timestamp, body), timestamp)
                .expectStatus().isForbidden();
    }

    @Test
    void whenTheTimestampIsStaleOrFromTheFutureThenForbidden() {
        byte[] body = VapiMessages.statusUpdate(callId, "ringing");

        postSigned(body, String.valueOf(Instant.now().minusSeconds(301).getEpochSecond())).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("stale-timestamp");
        postSigned(body, String.valueOf(Instant.now().plusSeconds(301).toEpochMilli())).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("stale-timestamp");
    }

    @Test
    void whenTheAccountIsUnknownOrHasNoVapiCredentialThenNotFound() {
        web.post().uri(path("nobody-" + callId)).contentType(MediaType.APPLICATION_JSON).header("X-Vapi-Secret", SECRET)
                .bodyValue(VapiMessages.statusUpdate(callId, "ringing")).exchange()
                .expectStatus().isNotFound();
        web.post().uri(path(ACCOUNT)).contentType(MediaType.APPLICATION_JSON).header("X-Vapi-Secret", SECRET)
                .bodyValue(VapiMessages.statusUpdate(callId, "ringing")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void whenAuthenticJsonIsMalformedThenBadRequest() {
        postSigned(("{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"" + callId + "\"}")
                .getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest();
    }

    @Test
    void whenAuthenticMessageLacksWhatItsTypeNeedsThenBadRequestNamingIt() {
        postWithSecret(("{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"" + callId + "\"}}}")
                .getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("message.status is required");
        postWithSecret(("{\"message\":{\"type\":\"status-update\",\"status\":\"answered\",\"call\":{\"id\":\""
                + callId + "\"}}}").getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest();
    }

    @Test
    void whenTheBodyIsOverTheLimitThenContentTooLarge() {
        String padding = "x".repeat(1_100_000);
        byte[] body = ("{\"message\":{\"type\":\"hang\",\"pad\":\"" + padding + "\",\"call\":{\"id\":\"" + callId + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        postWithSecret(body).expectStatus().isEqualTo(413);
    }

    @Test
    void whenTheContentTypeIsNotJsonThenUnsupportedMediaType() {
        web.post().uri(path(SECRET_ACCOUNT)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Vapi-Secret", SECRET).bodyValue("message=" + callId).exchange()
                .expectStatus().isEqualTo(415);
    }

    @Test
    void whenTheMethodIsNotPostThenMethodNotAllowed() {
        web.get().uri(path(SECRET_ACCOUNT)).exchange().expectStatus().isEqualTo(405);
    }

    private WebTestClient.ResponseSpec post(String path, byte[] body, String signature, String timestamp) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add("x-signature", signature);
                    }
                    if (timestamp != null) {
                        headers.add("x-timestamp", timestamp);
                    }
                })
                .bodyValue(body).exchange();
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }
}
