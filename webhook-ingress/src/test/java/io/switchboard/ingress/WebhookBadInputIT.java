package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.switchboard.ingress.testing.RawHttp;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.FormBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Bad input gets a clear 4xx, never a 5xx, and nothing is published. */
class WebhookBadInputIT extends WebhookIngressITSupport {

    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";
    private static final String SOME_SIGNATURE = "bm90IGEgc2lnbmF0dXJl";

    @LocalServerPort
    int port;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();

    @AfterEach
    void nothingPublished() {
        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAnEscapeIsBrokenThenBadRequest() {
        postForm("CallSid=" + callSid + "&CallStatus=%zz").expectStatus().isBadRequest();
    }

    @Test
    void whenTheFormIsNotUtf8ThenBadRequest() {
        postForm("CallSid=" + callSid + "&From=%FF%FE")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("form body is not valid UTF-8");
    }

    @Test
    void whenJsonIsMalformedThenBadRequest() {
        web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Twilio-Signature", SOME_SIGNATURE)
                .bodyValue("{\"CallSid\":\"" + callSid + "\"")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whenAValidlySignedFieldDoesNotParseThenBadRequestNamingIt() {
        var form = TwilioForms.status(callSid);
        form.put("Timestamp", "yesterday");

        postSigned(STATUS, form)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Timestamp is not an RFC 2822 date");
    }

    @Test
    void whenTheBodyIsOverTheLimitThenContentTooLarge() {
        var form = TwilioForms.status(callSid);
        form.put("Padding", "x".repeat(70_000));

        postSigned(STATUS, form).expectStatus().isEqualTo(413);
    }

    @Test
    void whenAChunkedBodyGrowsOverTheLimitThenContentTooLarge() {
        Flux<DataBuffer> chunks = Flux.range(0, 80)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        ("CallSid=" + callSid + "&Padding" + i + "=" + "x".repeat(1000) + "&")
                                .getBytes(StandardCharsets.US_ASCII)));

        web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", SOME_SIGNATURE)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void whenTheDeclaredLengthIsOverTheLimitThenContentTooLargeWithoutReadingIt() {
        String head = head(100_000);

        assertThat(RawHttp.firstStatus(port, head, body(), false, 5_000)).isEqualTo(413);
    }

    @Test
    void whenTheDeclaredLengthIsShorterThanTheBodyThenTheTruncatedRequestIsRefusedWithA4xx() {
        byte[] body = body();

        assertThat(RawHttp.firstStatus(port, head(20), body, false, 5_000)).isBetween(400, 499);
    }

    @Test
    void whenTheBodyEndsBeforeItsDeclaredLengthThenNo5xx() {
        byte[] body = body();

        int status = RawHttp.firstStatus(port, head(body.length + 500), body, true, 5_000);

        assertThat(status)
                .satisfiesAnyOf(
                        s -> assertThat(s).isEqualTo(-1), s -> assertThat(s).isBetween(400, 499));
    }

    @Test
    void whenTheBodyNeverArrivesInFullThenTheRequestIsRefusedAfterTheBodyTimeoutWithoutA5xx() {
        byte[] body = body();
        long started = System.nanoTime();

        int status = RawHttp.firstStatus(port, head(body.length + 500), body, false, 10_000);

        assertThat(status)
                .satisfiesAnyOf(
                        s -> assertThat(s).isEqualTo(-1), s -> assertThat(s).isBetween(400, 499));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void whenTheContentTypeIsNotFormOrJsonThenUnsupportedMediaType() {
        web.post()
                .uri(STATUS)
                .contentType(MediaType.TEXT_PLAIN)
                .header("X-Twilio-Signature", SOME_SIGNATURE)
                .bodyValue("CallSid=" + callSid)
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void whenTheFormIsNotUtf8EncodedThenUnsupportedMediaType() {
        web.post()
                .uri(STATUS)
                .contentType(MediaType.parseMediaType("application/x-www-form-urlencoded;charset=ISO-8859-1"))
                .header("X-Twilio-Signature", SOME_SIGNATURE)
                .bodyValue(FormBodies.encode(TwilioForms.status(callSid)))
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void whenTheMethodIsNotPostThenMethodNotAllowed() {
        web.get().uri(STATUS).exchange().expectStatus().isEqualTo(405);
        web.put()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("CallSid=" + callSid)
                .exchange()
                .expectStatus()
                .isEqualTo(405);
    }

    @Test
    void whenHeadersAreHugeThenRequestHeaderFieldsTooLarge() {
        web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Padding", "x".repeat(10_000))
                .bodyValue(FormBodies.encode(TwilioForms.status(callSid)))
                .exchange()
                .expectStatus()
                .isEqualTo(431);
    }

    @Test
    void whenTheRequestLineIsHugeThenUriTooLong() {
        web.post()
                .uri(STATUS + "?pad=" + "x".repeat(5_000))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(FormBodies.encode(TwilioForms.status(callSid)))
                .exchange()
                .expectStatus()
                .isEqualTo(414);
    }

    private WebTestClient.ResponseSpec postForm(String body) {
        return web.post()
                .uri(STATUS)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", SOME_SIGNATURE)
                .bodyValue(body)
                .exchange();
    }

    private String head(int contentLength) {
        return "POST " + STATUS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: " + SOME_SIGNATURE + "\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private byte[] body() {
        return FormBodies.encode(TwilioForms.status(callSid)).getBytes(StandardCharsets.US_ASCII);
    }
}
