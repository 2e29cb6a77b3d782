package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DevTokenTests {

    private static final String ISSUER = "http://localhost:8100";

    @Test
    void byDefaultTheDemoAccountWithEveryTenantScope() {
        var request = DevToken.Request.parse(List.of(), ISSUER);

        assertThat(request.account()).isEqualTo("demo");
        assertThat(request.scopes())
                .containsExactly(
                        "calls:read", "calls:pii", "calls:write", "billing:read", "billing:write", "accounts:admin");
        assertThat(request.issuer()).isEqualTo(ISSUER);
    }

    @Test
    void anAccountAndScopesOfOnesChoice() {
        var request =
                DevToken.Request.parse(List.of("--account", "acme", "--scopes", " calls:read  billing:read "), ISSUER);

        assertThat(request.account()).isEqualTo("acme");
        assertThat(request.scopes()).containsExactly("calls:read", "billing:read");
    }

    @Test
    void theOperatorActsForNoAccount() {
        var request = DevToken.Request.parse(List.of("--operator"), ISSUER);

        assertThat(request.account()).isNull();
        assertThat(request.scopes()).containsExactly("operator");
    }

    @Test
    void operatorIsAddedToExplicitScopesAndAccount() {
        var request = DevToken.Request.parse(List.of("--scopes=calls:read", "--operator", "--account=demo"), ISSUER);

        assertThat(request.account()).isEqualTo("demo");
        assertThat(request.scopes()).containsExactly("calls:read", "operator");
    }

    @Test
    void explicitOperatorScopeKeepsTheDefaultAccountUnlessToldOtherwise() {
        assertThat(DevToken.Request.parse(List.of("--scopes", "operator"), ISSUER)
                        .account())
                .isEqualTo("demo");
        assertThat(DevToken.Request.parse(List.of("--scopes", "operator", "--no-account"), ISSUER)
                        .account())
                .isNull();
    }

    @Test
    void helpAndMistakes() {
        assertThat(DevToken.Request.parse(List.of("--help"), ISSUER)).isNull();
        assertThatThrownBy(() -> DevToken.Request.parse(List.of("--acount", "x"), ISSUER))
                .hasMessageContaining("--acount");
        assertThatThrownBy(() -> DevToken.Request.parse(List.of("--account"), ISSUER))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DevToken.Request.parse(List.of("--account", "x", "--no-account"), ISSUER))
                .hasMessageContaining("contradict");
    }
}
