package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Several accounts, each recognised by the webhook path and verified with its own credential from accounts.v1. */
class TwilioAccountsIT extends WebhookIngressITSupport {

    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();

    @Test
    void whenEachAccountSignsWithItsOwnTokenThenBothAreAcceptedUnderTheirOwnAccount() {
        String otherCallSid = TwilioForms.newCallSid();
        var otherForm = TwilioForms.status(otherCallSid);
        otherForm.put("AccountSid", OTHER_ACCOUNT_SID);
        String otherPath = status(OTHER_ACCOUNT);

        postSigned(status(ACCOUNT), TwilioForms.status(callSid)).expectStatus().isOk();
        post(
                        otherPath,
                        otherForm,
                        TwilioSignatures.sign(OTHER_AUTH_TOKEN, PUBLIC_BASE_URL + otherPath, otherForm),
                        null)
                .expectStatus()
                .isOk();

        assertThat(providerEvents
                        .exactlyOneEventFor(callSid)
                        .as(EventTypes.CALL_STATUS_REPORTED)
                        .payload()
                        .accountId())
                .isEqualTo(ACCOUNT);
        var other = providerEvents
                .exactlyOneEventFor(otherCallSid)
                .as(EventTypes.CALL_STATUS_REPORTED)
                .payload();
        assertThat(other.accountId()).isEqualTo(OTHER_ACCOUNT);
        assertThat(other.providerAccountId()).isEqualTo(OTHER_ACCOUNT_SID);
    }

    @Test
    void whenSignedWithAnotherAccountsTokenThenForbidden() {
        var form = TwilioForms.status(callSid);
        String path = status(ACCOUNT);

        post(path, form, TwilioSignatures.sign(OTHER_AUTH_TOKEN, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("signature-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenValidlySignedButForAnotherAccountSidThenForbiddenAsAccountMismatch() {
        var form = TwilioForms.status(callSid);
        form.put("AccountSid", OTHER_ACCOUNT_SID);
        double before = signatureFailures("account-mismatch");

        postSigned(status(ACCOUNT), form)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("account-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
        assertThat(signatureFailures("account-mismatch")).isEqualTo(before + 1);
    }

    @Test
    void whenAccountIsUnknownThenNotFound() {
        String path = status("nobody-" + callSid);

        post(path, TwilioForms.status(callSid), sign(path, TwilioForms.status(callSid)), null)
                .expectStatus()
                .isNotFound();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAccountHasNoTwilioCredentialThenNotFound() {
        String path = status(VAPI_ONLY_ACCOUNT);

        post(path, TwilioForms.status(callSid), sign(path, TwilioForms.status(callSid)), null)
                .expectStatus()
                .isNotFound();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenTheAccountsCredentialCannotBeOpenedThenServiceUnavailableSoTwilioRetries() {
        String path = status(UNOPENABLE_ACCOUNT);

        post(path, TwilioForms.status(callSid), sign(path, TwilioForms.status(callSid)), null)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "1");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAccountsAreLoadedThenReadinessIsUp() {
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private static String status(String accountId) {
        return "/webhooks/twilio/" + accountId + "/status";
    }

    private double signatureFailures(String reason) {
        var counter = meters.find("switchboard.webhook.signature.failures")
                .tags("provider", "twilio", "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
