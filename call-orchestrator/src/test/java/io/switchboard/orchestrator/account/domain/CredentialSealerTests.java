package io.switchboard.orchestrator.account.domain;

import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_SID;
import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_TOKEN;
import static io.switchboard.orchestrator.account.domain.Accounts.setting;
import static io.switchboard.orchestrator.account.domain.Accounts.twilio;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.switchboard.events.secret.SecretBox;
import org.junit.jupiter.api.Test;

class CredentialSealerTests {

    private static final String OLD_KEY = SecretBox.generateKey();
    private static final String NEW_KEY = SecretBox.generateKey();

    private final SecretBox box = new SecretBox("k1", Map.of("k1", OLD_KEY));
    private final CredentialSealer sealer = new CredentialSealer(box);

    @Test
    void whenTheSameSecretIsPutAgainThenTheStoredSealedValueIsKept() {
        // given
        List<SealedCredential> stored = sealer.apply("acme", List.of(), setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // when
        List<SealedCredential> again = sealer.apply("acme", stored, setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // then the content, and with it the event id, is the same
        assertThat(again).isEqualTo(stored);
    }

    @Test
    void whenANewSecretIsPutThenItIsSealedAnew() {
        // given
        List<SealedCredential> stored = sealer.apply("acme", List.of(), setting(twilio(TWILIO_SID, TWILIO_TOKEN)));
        String newToken = "0123456789abcdef0123456789abcdef";

        // when
        List<SealedCredential> changed = sealer.apply("acme", stored, setting(twilio(TWILIO_SID, newToken)));

        // then
        assertThat(changed.getFirst().sealedSecret())
                .isNotEqualTo(stored.getFirst().sealedSecret());
        assertThat(box.open(changed.getFirst().sealedSecret(), "acme")).isEqualTo(newToken);
    }

    @Test
    void whenTheStoredValueIsSealedUnderAnOlderKeyThenAnyPutReSealsItUnderTheActiveKey() {
        // given a value sealed with k1, and a box rotated to k2
        List<SealedCredential> stored = sealer.apply("acme", List.of(), setting(twilio(TWILIO_SID, TWILIO_TOKEN)));
        var rotated = new SecretBox("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY));

        // when the account is put again without providers, or with the same token
        List<SealedCredential> kept = new CredentialSealer(rotated).apply("acme", stored, CredentialChanges.keepAll());
        List<SealedCredential> same =
                new CredentialSealer(rotated).apply("acme", stored, setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // then both are sealed under k2 and still open to the token
        assertThat(List.of(kept.getFirst(), same.getFirst())).allSatisfy(credential -> {
            assertThat(rotated.isSealedWithActiveKey(credential.sealedSecret())).isTrue();
            assertThat(rotated.open(credential.sealedSecret(), "acme")).isEqualTo(TWILIO_TOKEN);
            assertThat(credential.providerAccountId()).isEqualTo(TWILIO_SID);
        });
    }

    @Test
    void whenAStoredValueCannotBeOpenedThenItIsKeptAsItIs() {
        // given a value sealed under a key this instance does not hold
        var foreign = new SealedCredential(
                "twilio",
                TWILIO_SID,
                new SecretBox("k0", Map.of("k0", SecretBox.generateKey())).seal(TWILIO_TOKEN, "acme"),
                null);

        // when
        List<SealedCredential> kept = sealer.apply("acme", List.of(foreign), CredentialChanges.keepAll());

        // then
        assertThat(kept).containsExactly(foreign);
    }

    @Test
    void whenAStoredValueBelongsToAnotherAccountThenTheSameTokenIsSealedAnewForThisOne() {
        // given a sealed value copied from another account's record
        var copied = new SealedCredential("twilio", TWILIO_SID, box.seal(TWILIO_TOKEN, "globex"), null);

        // when
        List<SealedCredential> sealed =
                sealer.apply("acme", List.of(copied), setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // then
        assertThat(sealed.getFirst().sealedSecret()).isNotEqualTo(copied.sealedSecret());
        assertThat(box.open(sealed.getFirst().sealedSecret(), "acme")).isEqualTo(TWILIO_TOKEN);
    }
}
