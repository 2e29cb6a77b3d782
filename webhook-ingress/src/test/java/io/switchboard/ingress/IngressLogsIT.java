package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.switchboard.ingress.routing.messaging.RoutingClient;
import io.switchboard.ingress.testing.TestRouter;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators get in their log pipeline: one JSON object per line, lines about a webhook carry
 * the account id (and the call id once it is known) as fields, and no line ever holds the auth
 * token, the signature or a caller's full number.
 */
@ExtendWith(OutputCaptureExtension.class)
class IngressLogsIT extends WebhookIngressITSupport {

    private static final String VOICE = "/webhooks/twilio/" + ACCOUNT + "/voice";
    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";
    private static final String CALLER = "+14155552671";
    private static final String DIALED = "+15005550006";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RoutingClient routingClient;

    private TestRouter router;
    private final String callSid = TwilioForms.newCallSid();

    @BeforeEach
    void startOrchestratorStandIn() throws InterruptedException {
        router = new TestRouter(SharedKafkaBroker.bootstrapServers());
        assertThat(routingClient.awaitReplyAssignment(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stop() throws InterruptedException {
        router.close();
    }

    @Test
    void whenACallIsRoutedThenItsLineIsJsonWithCallAndAccountIds(CapturedOutput output) {
        router.answer(
                callSid, "<Response><Connect><Stream url=\"wss://assistants.example.test/a1\"/></Connect></Response>");

        postSigned(VOICE, TwilioForms.voice(callSid)).expectStatus().isOk();

        JsonNode routed = lineContaining(output, "Routed call " + callSid);
        assertThat(routed.path("callId").asString()).isEqualTo(callSid);
        assertThat(routed.path("accountId").asString()).isEqualTo(ACCOUNT);
        assertThat(routed.path("log").path("level").asString()).isEqualTo("INFO");
        assertNoSecretsOrNumbers(output, null);
    }

    @Test
    void whenASignatureIsWrongThenTheRefusalNamesTheAccountButNotTheSignature(CapturedOutput output) {
        var form = TwilioForms.status(callSid);
        String signature = sign(STATUS, form);
        form.put("CallStatus", "failed");

        post(STATUS, form, signature, null).expectStatus().isForbidden();

        JsonNode refused = lineContaining(output, "signature-mismatch");
        assertThat(refused.path("accountId").asString()).isEqualTo(ACCOUNT);
        assertThat(refused.path("log").path("level").asString()).isEqualTo("WARN");
        assertNoSecretsOrNumbers(output, signature);
    }

    private static JsonNode lineContaining(CapturedOutput output, String text) {
        List<JsonNode> matches = jsonLines(output).stream()
                .filter(line -> line.path("message").asString("").contains(text))
                .toList();
        assertThat(matches)
                .as("a log line with '%s' in:%n%s", text, output.getOut())
                .hasSize(1);
        return matches.getFirst();
    }

    /** Every line the application wrote while the test ran must be one JSON object. */
    private static List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut()
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    assertThat(line).as("a structured log line").startsWith("{");
                    return JSON.readTree(line);
                })
                .toList();
    }

    private static void assertNoSecretsOrNumbers(CapturedOutput output, String signature) {
        String all = output.getAll();
        assertThat(all).doesNotContain(AUTH_TOKEN, CALLER, DIALED, CALLER.substring(1), DIALED.substring(1));
        if (signature != null) {
            assertThat(all).doesNotContain(signature);
        }
    }
}
