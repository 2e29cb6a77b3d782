package io.switchboard.events.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.events.refusal.Refusal;
import org.junit.jupiter.api.Test;

class CallIdentityTests {

    private static final CallKey A = new CallKey("twilio", "account-a", "CA1");

    @Test
    void whenKeyAndSubjectAreThePayloadsCallThenNothingIsRefused() {
        assertThat(CallIdentity.keyedByCall(A.canonical(), A.canonical(), A)).isEmpty();
        assertThat(CallIdentity.keyedByProviderCall("CA1", "CA1", A)).isEmpty();
        assertThat(CallIdentity.keyedByAccount("account-a", A.canonical(), A)).isEmpty();
    }

    @Test
    void whenASnapshotOfAccountBIsFiledUnderAccountAsKeyThenItIsRefusedAsAnAccountMismatch() {
        // given B's call with A's CallSid, its record re-keyed to A's call
        var ofB = new CallKey("twilio", "account-b", "CA1");

        // when / then
        assertThat(CallIdentity.keyedByCall(A.canonical(), ofB.canonical(), ofB))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.ACCOUNT_MISMATCH);
        assertThat(CallIdentity.keyedByCall(ofB.canonical(), A.canonical(), ofB))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.ACCOUNT_MISMATCH);
    }

    @Test
    void whenKeyOrSubjectNamesAnotherCallOrNoCallKeyThenItIsRefusedAsAMismatch() {
        // a record keyed the old way, by the provider's call id alone
        assertThat(CallIdentity.keyedByCall("CA1", A.canonical(), A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.KEY_MISMATCH);
        assertThat(CallIdentity.keyedByCall(null, A.canonical(), A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.KEY_MISMATCH);
        assertThat(CallIdentity.keyedByCall(A.canonical(), "twilio:account-a:CA2", A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.SUBJECT_MISMATCH);
    }

    @Test
    void whenAProviderEventIsKeyedOrSubjectByAnotherCallIdThenItIsRefused() {
        assertThat(CallIdentity.keyedByProviderCall("CA2", "CA1", A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.KEY_MISMATCH);
        assertThat(CallIdentity.keyedByProviderCall("CA1", "CA2", A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.SUBJECT_MISMATCH);
    }

    @Test
    void whenALedgerEntryIsKeyedByAnotherAccountThenItIsRefusedAsAnAccountMismatch() {
        assertThat(CallIdentity.keyedByAccount("account-b", A.canonical(), A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.ACCOUNT_MISMATCH);
        assertThat(CallIdentity.keyedByAccount("account-a", "twilio:account-b:CA1", A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.ACCOUNT_MISMATCH);
        assertThat(CallIdentity.keyedByAccount("account-a", "CA1", A))
                .get()
                .extracting(Refusal::reason)
                .isEqualTo(Refusal.SUBJECT_MISMATCH);
    }
}
