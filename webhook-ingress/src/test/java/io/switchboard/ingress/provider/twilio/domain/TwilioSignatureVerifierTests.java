package io.switchboard.ingress.provider.twilio.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.switchboard.ingress.provider.twilio.config.TwilioProperties;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.TwilioSignatures;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException.Reason;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TwilioSignatureVerifierTests {

    private static final String TOKEN = "acme-auth-token";

    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(new TwilioProperties(
            Map.of("acme", new TwilioProperties.Account(TOKEN)), TwilioProperties.DEFAULT_FALLBACK));

    @Test
    void whenSignedWithTheAccountTokenThenAccepted() {
        var form = TwilioForms.status("CA1");

        assertThatCode(() -> verifier.verify(signed(TwilioRequests.URL, form, TOKEN))).doesNotThrowAnyException();
    }

    @Test
    void whenUrlHasAQueryStringThenItIsSignedAsSent() {
        var form = TwilioForms.status("CA1");
        String url = TwilioRequests.URL + "?attempt=2&campaign=spring";

        assertThatCode(() -> verifier.verify(signed(url, form, TOKEN))).doesNotThrowAnyException();
    }

    @Test
    void whenSignedWithTheDefaultPortThenAcceptedWithoutIt() {
        var form = TwilioForms.status("CA1");
        String withPort = TwilioRequests.URL.replace("example.test/", "example.test:443/");
        var request = signed(withPort, form, TOKEN);

        var sameRequestWithoutPort = new WebhookRequest("acme", TwilioRequests.URL, request.headers(), form);

        assertThatCode(() -> verifier.verify(sameRequestWithoutPort)).doesNotThrowAnyException();
    }

    @Test
    void whenAParameterIsTamperedThenMismatch() {
        var form = TwilioForms.status("CA1");
        var request = signed(TwilioRequests.URL, form, TOKEN);
        form.put("CallStatus", "busy");

        var tampered = new WebhookRequest("acme", TwilioRequests.URL, request.headers(), form);

        assertRejected(tampered, Reason.MISMATCH);
    }

    @Test
    void whenSignedWithAnotherTokenThenMismatch() {
        assertRejected(signed(TwilioRequests.URL, TwilioForms.status("CA1"), "not-the-token"), Reason.MISMATCH);
    }

    @Test
    void whenSignatureHeaderIsMissingThenRejectedBeforeTheBodyIsRead() {
        assertThatThrownBy(() -> verifier.precheck("acme", new HttpHeaders()))
                .isInstanceOf(SignatureRejectedException.class)
                .extracting(e -> ((SignatureRejectedException) e).reason()).isEqualTo(Reason.MISSING);
    }

    @Test
    void whenAccountIsUnknownThenUnknownAccount() {
        var headers = new HttpHeaders();
        headers.add(TwilioSignatureVerifier.SIGNATURE_HEADER, "c2lnbmF0dXJl");

        assertThatThrownBy(() -> verifier.precheck("nobody", headers)).isInstanceOf(UnknownAccountException.class);
    }

    private static WebhookRequest signed(String url, Map<String, String> form, String token) {
        var headers = new HttpHeaders();
        headers.add(TwilioSignatureVerifier.SIGNATURE_HEADER, TwilioSignatures.sign(token, url, form));
        return new WebhookRequest("acme", url, headers, form);
    }

    private void assertRejected(WebhookRequest request, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageNotContaining(TOKEN)
                .extracting(e -> ((SignatureRejectedException) e).reason()).isEqualTo(reason);
    }
}
