package io.switchboard.events.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.switchboard.events.billing.CallCharged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallKeyTests {

    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53Z");

    @Test
    void whenWrittenThenTheCanonicalFormIsProviderAccountAndCallIdAndParsesBack() {
        // given a Twilio call of account acme
        var key = new CallKey("twilio", "acme", "CA9e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f");

        // when / then
        assertThat(key.canonical()).isEqualTo("twilio:acme:CA9e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f");
        assertThat(key).hasToString(key.canonical());
        assertThat(CallKey.parse(key.canonical())).isEqualTo(key);
    }

    @Test
    void whenTwoAccountsAreToldAboutOneProviderCallIdThenTheyAreTwoCalls() {
        // given the same CallSid under two accounts
        var ofA = new CallKey("twilio", "account-a", "CA1");
        var ofB = new CallKey("twilio", "account-b", "CA1");

        // then they are different calls with different keys, though the same provider call
        assertThat(ofA).isNotEqualTo(ofB);
        assertThat(ofA.canonical()).isNotEqualTo(ofB.canonical());
        assertThat(ofA.sameProviderCall(ofB)).isTrue();
        assertThat(ofA.sameProviderCall(new CallKey("vapi", "account-a", "CA1")))
                .isFalse();
    }

    @Test
    void whenTheProviderCallIdHoldsColonsThenParsingSplitsAtTheFirstTwoOnly() {
        // given a provider's call id with colons of its own
        var key = new CallKey("sip", "acme", "call:with:colons");

        // when / then
        assertThat(key.canonical()).isEqualTo("sip:acme:call:with:colons");
        assertThat(CallKey.parse(key.canonical())).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CA1", "twilio:CA1", "twilio::CA1", ":acme:CA1", "twilio:acme:", "twilio:acme: "})
    void whenTextIsNoCallKeyThenParsingRefusesIt(String text) {
        assertThatThrownBy(() -> CallKey.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CallKey.tryParse(text)).isEmpty();
    }

    @Test
    void whenAPartIsMissingOrAmbiguousThenNoKeyIsMade() {
        assertThatThrownBy(() -> new CallKey(null, "acme", "CA1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallKey("twilio", null, "CA1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallKey("twilio", " ", "CA1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallKey("twilio", "acme", null)).isInstanceOf(IllegalArgumentException.class);
        // a colon in the account or provider would make the canonical form ambiguous
        assertThatThrownBy(() -> new CallKey("twilio", "ac:me", "CA1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accountId");
        assertThatThrownBy(() -> new CallKey("twi:lio", "acme", "CA1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallKey("twilio", "acme", "CA1\nforged"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CallKey.tryParse(null)).isEmpty();
    }

    @Test
    void whenTakenFromASnapshotOrAChargeThenTheKeyIsTheirCall() {
        var snapshot = new CallStateChanged(
                "CA1",
                "acme",
                "twilio",
                CallDirection.OUTBOUND,
                null,
                null,
                null,
                null,
                CallStatus.COMPLETED,
                CallStatus.IN_PROGRESS,
                12,
                List.of(new CallTransition(CallStatus.COMPLETED, T0, 3)),
                T0);
        var charge = new CallCharged(
                "twilio", "acme", "CA1", 12, 1, BigDecimal.ONE, BigDecimal.ONE, "USD", BigDecimal.ZERO, T0);

        assertThat(CallKey.of(snapshot)).isEqualTo(new CallKey("twilio", "acme", "CA1"));
        assertThat(CallKey.of(charge)).isEqualTo(CallKey.of(snapshot));
        var legacyCharge =
                new CallCharged(null, "acme", "CA1", 12, 1, BigDecimal.ONE, BigDecimal.ONE, "USD", BigDecimal.ZERO, T0);
        assertThatThrownBy(() -> CallKey.of(legacyCharge)).isInstanceOf(IllegalArgumentException.class);
    }
}
