package io.switchboard.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class WebhookSignerTests {

    private static final String TOKEN = "12345";
    private final RequestValidator validator = new RequestValidator(TOKEN);

    @Test
    void whenFormParamsSignedThenTwilioValidatorAccepts() {
        // given
        String url = "https://ingress.example.com/webhooks/twilio/status";
        Map<String, String> params = params();

        // when
        String signature = WebhookSigner.sign(TOKEN, url, params);

        // then
        assertThat(validator.validate(url, params, signature)).isTrue();
    }

    @Test
    void whenUrlHasQueryStringThenItIsSignedAsPartOfTheUrl() {
        // given
        String url = "http://localhost:8081/webhooks/twilio/status?tenant=acme&attempt=1";
        Map<String, String> params = params();

        // when
        String signature = WebhookSigner.sign(TOKEN, url, params);

        // then
        assertThat(validator.validate(url, params, signature)).isTrue();
        assertThat(validator.validate("http://localhost:8081/webhooks/twilio/status", params, signature))
                .isFalse();
    }

    @Test
    void whenParamTamperedThenTwilioValidatorRejects() {
        // given
        String url = "https://ingress.example.com/status";
        String signature = WebhookSigner.sign(TOKEN, url, params());

        // when
        Map<String, String> tampered = params();
        tampered.put("CallStatus", "busy");

        // then
        assertThat(validator.validate(url, tampered, signature)).isFalse();
    }

    @Test
    void whenGetWebhookThenParamsTravelInTheSignedQueryString() {
        // given
        Webhook hook = Webhook.of(
                "status-callback", "AC1", "http://localhost:8081/status?tenant=acme", HttpMethod.GET, params());

        // when
        String signature = WebhookSigner.sign(TOKEN, hook.target(), hook.signedParams());

        // then
        assertThat(hook.target()).startsWith("http://localhost:8081/status?tenant=acme&CallSid=CA");
        assertThat(validator.validate(hook.target(), Map.of(), signature)).isTrue();
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+12349013030");
        params.put("Digits", "1234");
        params.put("From", "+12349013030");
        params.put("To", "+18005551212");
        params.put("Timestamp", "Tue, 10 Jun 2025 09:15:02 +0000");
        params.put("CallStatus", "in-progress");
        return params;
    }
}
