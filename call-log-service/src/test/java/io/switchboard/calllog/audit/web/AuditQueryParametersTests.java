package io.switchboard.calllog.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.switchboard.calllog.audit.domain.AuditQuery;
import io.switchboard.calllog.web.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditQueryParametersTests {

    @Test
    void whenNothingGivenThenFirstPageOfFiftyUnfiltered() {
        AuditQuery query = AuditQueryParameters.parse(null, null, null, null, null, null);

        assertThat(query.accountId()).isEmpty();
        assertThat(query.action()).isEmpty();
        assertThat(query.from()).isEmpty();
        assertThat(query.to()).isEmpty();
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void whenEveryFilterGivenThenAllAreParsed() {
        AuditQuery query = AuditQueryParameters.parse(
                "acme", "account.updated", "2026-11-01T00:00:00Z", "2026-11-30T00:00:00Z", "19", "500");

        assertThat(query.accountId()).contains("acme");
        assertThat(query.action()).contains("account.updated");
        assertThat(query.from()).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(query.to()).contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(query.offset() + query.size()).isEqualTo(10_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            unknown action            | null | account.purged  | null                 | null                 | null | null | action
            blank account             | '  ' | null            | null                 | null                 | null | null | accountId
            from not an instant       | null | null            | 2026-11-01           | null                 | null | null | from
            to not an instant         | null | null            | null                 | yesterday            | null | null | to
            from after to             | null | null            | 2026-11-02T00:00:00Z | 2026-11-01T00:00:00Z | null | null | from
            range over a year         | null | null            | 2025-01-01T00:00:00Z | 2026-01-03T00:00:00Z | null | null | to
            negative page             | null | null            | null                 | null                 | -1   | null | page
            page past deepest offset  | null | null            | null                 | null                 | 20   | 500  | page
            size zero                 | null | null            | null                 | null                 | null | 0    | size
            size over maximum         | null | null            | null                 | null                 | null | 501  | size
            size not a number         | null | null            | null                 | null                 | null | ten  | size
            """)
    void whenParameterIsBadThenItIsNamed(
            String description,
            String accountId,
            String action,
            String from,
            String to,
            String page,
            String size,
            String parameter) {
        assertThatThrownBy(() -> AuditQueryParameters.parse(accountId, action, from, to, page, size))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
