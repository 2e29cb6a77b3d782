package io.switchboard.billing.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.wallet.domain.WalletStates.Verdict;
import org.junit.jupiter.api.Test;

class WalletStatesTests {

    private final WalletStates states = new WalletStates();

    @Test
    void whenVersionsRiseThenEachIsNewer() {
        assertThat(states.offer("acme", 1, "w-1")).isEqualTo(Verdict.NEWER);
        assertThat(states.offer("acme", 2, "w-2")).isEqualTo(Verdict.NEWER);
        assertThat(states.offer("acme", 5, "w-5")).isEqualTo(Verdict.NEWER);

        assertThat(states.highestVersion("acme")).isEqualTo(5);
    }

    @Test
    void whenAnOlderVersionIsReproducedAfterANewerOneThenItIsStale() {
        // given versions 1 and 2 of a wallet
        states.offer("acme", 1, "w-1");
        states.offer("acme", 2, "w-2");

        // when version 1 is read again, after version 2
        Verdict verdict = states.offer("acme", 1, "w-1");

        // then it is refused, and version 2 stays the newest
        assertThat(verdict).isEqualTo(Verdict.STALE);
        assertThat(states.highestVersion("acme")).isEqualTo(2);
    }

    @Test
    void whenTheSameVersionComesAgainWithTheSameIdThenItIsTheSameFact() {
        states.offer("acme", 3, "w-3");

        assertThat(states.offer("acme", 3, "w-3")).isEqualTo(Verdict.SAME_FACT);
        assertThat(states.highestVersion("acme")).isEqualTo(3);
    }

    @Test
    void whenAnotherEventClaimsAVersionAlreadyReadThenItIsStale() {
        states.offer("acme", 3, "w-3");

        assertThat(states.offer("acme", 3, "w-forged")).isEqualTo(Verdict.STALE);
    }

    @Test
    void whenStatesHaveNoVersionThenTheTopicsOrderDecidesAndAVersionedOneIsNewer() {
        // given two states written before versions existed
        assertThat(states.offer("acme", 0, "legacy-1")).isEqualTo(Verdict.NEWER);
        assertThat(states.offer("acme", 0, "legacy-2")).isEqualTo(Verdict.NEWER);

        // when a versioned one follows, and then an unversioned one is re-produced
        assertThat(states.offer("acme", 1, "w-1")).isEqualTo(Verdict.NEWER);

        // then the unversioned one is older than any version
        assertThat(states.offer("acme", 0, "legacy-1")).isEqualTo(Verdict.STALE);
    }

    @Test
    void whenWalletsDifferThenTheirVersionsDoNotMeet() {
        states.offer("acme", 7, "acme-7");

        assertThat(states.offer("globex", 1, "globex-1")).isEqualTo(Verdict.NEWER);
        assertThat(states.highestVersion("globex")).isEqualTo(1);
        assertThat(states.highestVersion("initech")).isZero();
    }
}
