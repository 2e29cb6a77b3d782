package io.switchboard.ingress;

import java.util.Map;
import java.util.UUID;

import io.switchboard.ingress.testing.TwilioSignatures;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The ingress on a random port against the shared real broker. Twilio is told (and signs for) a
 * public URL behind a proxy, not the port the test connects to, as in production. Subclasses share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class WebhookIngressITSupport {

    static final String PUBLIC_BASE_URL = "https://ingress.example.test";
    static final String ACCOUNT = "acme";
    static final String AUTH_TOKEN = "auth-" + UUID.randomUUID();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/webhook-ingress");
        registry.add("switchboard.ingress.public-base-url", () -> PUBLIC_BASE_URL);
        registry.add("switchboard.ingress.twilio.accounts." + ACCOUNT + ".auth-token", () -> AUTH_TOKEN);
    }

    /** Posts the form signed as Twilio would for {@code path} (with its query string, if any). */
    WebTestClient.ResponseSpec postSigned(String path, Map<String, String> form) {
        return post(path, form, TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, form), null);
    }

    WebTestClient.ResponseSpec post(String path, Map<String, String> form, String signature, String idempotencyToken) {
        var body = new LinkedMultiValueMap<String, String>();
        form.forEach(body::add);
        return web.post().uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add("X-Twilio-Signature", signature);
                    }
                    if (idempotencyToken != null) {
                        headers.add("I-Twilio-Idempotency-Token", idempotencyToken);
                    }
                })
                .body(BodyInserters.fromFormData(body))
                .exchange();
    }

    static String sign(String path, Map<String, String> form) {
        return TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, form);
    }
}
