package io.switchboard.orchestrator.account.domain;

import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_SID;
import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_TOKEN;
import static io.switchboard.orchestrator.account.domain.Accounts.VAPI_SECRET;
import static io.switchboard.orchestrator.account.domain.Accounts.setting;
import static io.switchboard.orchestrator.account.domain.Accounts.twilio;
import static io.switchboard.orchestrator.account.domain.Accounts.vapi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialValidatorTests {

    @Test
    void whenCredentialsAreCompleteThenTheyAreValid() {
        assertThatCode(() -> CredentialValidator.validate(
                        setting(twilio(TWILIO_SID, TWILIO_TOKEN), vapi(VAPI_SECRET, "secret-header"))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "AC3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6",
                "AC3F1A9C0B7D2E4F6A8B0C1D2E3F4A5B6C",
                "PN3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6c",
                "AC3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6cz"
            })
    void whenAccountSidIsNotATwilioAccountSidThenItIsNamed(String accountSid) {
        assertField(setting(twilio(accountSid, TWILIO_TOKEN)), "providers.twilio.accountSid");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "9f3c2a1b0d8e7f6a5b4c3d2e1f0a9b8c ", "9F3C2A1B0D8E7F6A5B4C3D2E1F0A9B8C"})
    void whenAuthTokenIsNotATwilioTokenThenItIsNamedWithoutQuotingIt(String authToken) {
        assertField(setting(twilio(TWILIO_SID, authToken)), "providers.twilio.authToken");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"too-short", "has a space in the middle", "tab\tin-the-middle-1234"})
    void whenVapiSecretIsWeakOrUnprintableThenItIsNamed(String secret) {
        assertField(setting(vapi(secret, "hmac-sha256")), "providers.vapi.secret");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hmac-sha1", "HMAC-SHA256", "bearer"})
    void whenVapiVerificationIsUnknownThenItIsNamed(String verification) {
        assertField(setting(vapi(VAPI_SECRET, verification)), "providers.vapi.verification");
    }

    @Test
    void whenProviderIsUnknownThenItIsNamed() {
        assertField(setting(new ProviderSecret("plivo", null, VAPI_SECRET, null)), "providers.plivo");
    }

    private static void assertField(CredentialChanges changes, String field) {
        assertThatThrownBy(() -> CredentialValidator.validate(changes))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    changes.set().values().forEach(secret -> {
                        if (secret.secret() != null && !secret.secret().isEmpty()) {
                            assertThat(e.getMessage()).doesNotContain(secret.secret());
                        }
                    });
                });
    }
}
