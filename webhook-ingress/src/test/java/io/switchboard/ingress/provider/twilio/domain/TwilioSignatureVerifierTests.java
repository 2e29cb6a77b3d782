package io.switchboard.ingress.provider.twilio.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.events.account.AccountCredentials;
import io.switchboard.events.account.Credential;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.testing.PublicUrls;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException.Reason;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TwilioSignatureVerifierTests {

    private static final String TOKEN = "acme-auth-token";
    private static final String URL = TwilioRequests.URL.toString();

    private final AccountDirectory accounts = new AccountDirectory();
    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(accounts);

    TwilioSignatureVerifierTests() {
        accounts.put(new AccountCredentials(
                "acme", Map.of("twilio", new Credential("twilio", TwilioForms.ACCOUNT_SID, TOKEN, null)), Set.of()));
        accounts.put(new AccountCredentials(
                "globex", Map.of("vapi", new Credential("vapi", null, "vapi-secret", "secret-header")), Set.of()));
        accounts.put(new AccountCredentials("broken", Map.of(), Set.of("twilio")));
        accounts.loadedWhen(() -> true);
    }

    @Test
    void whenSignedWithTheAccountTokenThenAccepted() {
        assertThatCode(() -> verifier.verify(signedForm(TwilioForms.status("CA1"), TOKEN)))
                .doesNotThrowAnyException();
    }

    @Test
    void whenSignedWithAnotherTokenOrTamperedThenMismatch() {
        var form = TwilioForms.status("CA1");
        String signature = TwilioSignatures.sign(TOKEN, URL, form);
        form.put("CallStatus", "busy");

        assertRejected(signedForm(TwilioForms.status("CA1"), "not-the-token"), Reason.MISMATCH);
        assertRejected(form(form, signature), Reason.MISMATCH);
    }

    @Test
    void whenValidlySignedForAnotherAccountSidThenAccountMismatch() {
        var form = TwilioForms.status("CA1");
        form.put("AccountSid", TwilioForms.newAccountSid());

        assertRejected(signedForm(form, TOKEN), Reason.ACCOUNT_MISMATCH);
    }

    @Test
    void whenAccountSidIsMissingThenAccountMismatch() {
        var form = TwilioForms.status("CA1");
        form.remove("AccountSid");

        assertRejected(signedForm(form, TOKEN), Reason.ACCOUNT_MISMATCH);
    }

    @Test
    void whenSignatureHeaderIsMissingThenRejectedBeforeTheBodyIsRead() {
        assertThatThrownBy(() -> verifier.precheck("acme", new HttpHeaders()))
                .isInstanceOf(SignatureRejectedException.class)
                .extracting(e -> ((SignatureRejectedException) e).reason())
                .isEqualTo(Reason.MISSING.tag());
    }

    @Test
    void whenAccountIsUnknownOrHasNoTwilioCredentialThenUnknownAccount() {
        assertThatThrownBy(() -> verifier.precheck("nobody", signatureHeader()))
                .isInstanceOf(UnknownAccountException.class);
        assertThatThrownBy(() -> verifier.precheck("globex", signatureHeader()))
                .isInstanceOf(UnknownAccountException.class);
    }

    @Test
    void whenTheCredentialCouldNotBeOpenedThenAccountUnavailable() {
        assertThatThrownBy(() -> verifier.precheck("broken", signatureHeader()))
                .isInstanceOf(AccountUnavailableException.class);
    }

    @Test
    void whenAccountsAreNotLoadedYetThenAccountUnavailable() {
        var notLoaded = new TwilioSignatureVerifier(new AccountDirectory());

        assertThatThrownBy(() -> notLoaded.precheck("acme", signatureHeader()))
                .isInstanceOf(AccountUnavailableException.class);
    }

    @Test
    void whenJsonBodyMatchesTheSignedBodyHashThenAccepted() {
        String body = "{\"AccountSid\":\"" + TwilioForms.ACCOUNT_SID + "\",\"CallSid\":\"CA1\"}";
        String url = URL + "?bodySHA256=" + TwilioSignatures.bodySha256(body);

        assertThatCode(() -> verifier.verify(json(url, body, TwilioSignatures.sign(TOKEN, url, Map.of()))))
                .doesNotThrowAnyException();
    }

    @Test
    void whenJsonBodyIsNotTheOneTheHashWasSignedForThenBodyHashMismatch() {
        String signedBody = "{\"AccountSid\":\"" + TwilioForms.ACCOUNT_SID + "\",\"CallSid\":\"CA1\"}";
        String sentBody = signedBody.replace("CA1", "CA2");
        String url = URL + "?bodySHA256=" + TwilioSignatures.bodySha256(signedBody);

        assertRejected(json(url, sentBody, TwilioSignatures.sign(TOKEN, url, Map.of())), Reason.BODY_HASH);
    }

    @Test
    void whenJsonUrlCarriesNoBodyHashThenBodyHashMismatch() {
        String body = "{\"AccountSid\":\"" + TwilioForms.ACCOUNT_SID + "\"}";

        assertRejected(json(URL, body, TwilioSignatures.sign(TOKEN, URL, Map.of())), Reason.BODY_HASH);
    }

    @Test
    void whenJsonSignatureDoesNotCoverTheUrlThenMismatch() {
        String body = "{\"AccountSid\":\"" + TwilioForms.ACCOUNT_SID + "\"}";
        String url = URL + "?bodySHA256=" + TwilioSignatures.bodySha256(body);

        assertRejected(json(url, body, TwilioSignatures.sign(TOKEN, URL, Map.of())), Reason.MISMATCH);
    }

    private static HttpHeaders signatureHeader() {
        var headers = new HttpHeaders();
        headers.add(TwilioSignatureVerifier.SIGNATURE_HEADER, "c2lnbmF0dXJl");
        return headers;
    }

    private static WebhookRequest signedForm(Map<String, String> form, String token) {
        return form(form, TwilioSignatures.sign(token, URL, form));
    }

    private static WebhookRequest form(Map<String, String> form, String signature) {
        var headers = new HttpHeaders();
        headers.add(TwilioSignatureVerifier.SIGNATURE_HEADER, signature);
        return WebhookRequest.ofForm("acme", TwilioRequests.URL, headers, form);
    }

    private static WebhookRequest json(String url, String body, String signature) {
        var headers = new HttpHeaders();
        headers.add(TwilioSignatureVerifier.SIGNATURE_HEADER, signature);
        var fields = new LinkedHashMap<String, List<String>>();
        fields.put("AccountSid", List.of(TwilioForms.ACCOUNT_SID));
        return new WebhookRequest(
                "acme", PublicUrls.parse(url), headers, true, body.getBytes(StandardCharsets.UTF_8), fields);
    }

    private void assertRejected(WebhookRequest request, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessageNotContaining(TOKEN)
                .extracting(e -> ((SignatureRejectedException) e).reason())
                .isEqualTo(reason.tag());
    }
}
