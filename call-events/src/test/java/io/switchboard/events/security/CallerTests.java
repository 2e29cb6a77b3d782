package io.switchboard.events.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTests {

    @Test
    void whenTenantThenActsAndReadsOnlyForItsOwnAccount() {
        var tenant = new Caller("client-1", "acme", Set.of(Scope.CALLS_READ));

        assertThat(tenant.actsFor("acme")).isTrue();
        assertThat(tenant.mayRead("acme")).isTrue();
        assertThat(tenant.actsFor("globex")).isFalse();
        assertThat(tenant.mayRead("globex")).isFalse();
    }

    @Test
    void whenOperatorWithoutAccountThenReadsAnyButActsForNone() {
        var operator = new Caller("ops", null, Set.of(Scope.OPERATOR));

        assertThat(operator.mayRead("acme")).isTrue();
        assertThat(operator.actsFor("acme")).isFalse();
        assertThat(operator.actsFor(null)).isFalse();
    }

    @Test
    void whenScopeClaimedThenMappedFromItsAuthority() {
        assertThat(Scope.ofAuthority("SCOPE_calls:pii")).contains(Scope.CALLS_PII);
        assertThat(Scope.ofAuthority("SCOPE_calls:everything")).isEmpty();
        assertThat(Scope.ofAuthority("calls:read")).isEmpty();
    }
}
