package io.switchboard.calllog.call.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.web.InvalidParameterException;
import io.switchboard.events.call.CallStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallQueryParametersTests {

    @Test
    void whenNothingGivenThenFirstPageOfFiftyUnfiltered() {
        CallQuery query = CallQueryParameters.parse(null, null, null, null, null, null);

        assertThat(query.status()).isEmpty();
        assertThat(query.accountId()).isEmpty();
        assertThat(query.from()).isEmpty();
        assertThat(query.to()).isEmpty();
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void whenPageEndsExactlyAtTheDeepestOffsetOrRangeIsAYearThenAccepted() {
        CallQuery deepest = CallQueryParameters.parse(null, null, null, null, "19", "500");
        CallQuery year =
                CallQueryParameters.parse(null, null, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null);

        assertThat(deepest.offset() + deepest.size()).isEqualTo(CallQueryParameters.MAX_OFFSET);
        assertThat(year.from()).isPresent();
    }

    @Test
    void whenEveryFilterGivenThenAllAreParsed() {
        CallQuery query = CallQueryParameters.parse(
                "no-answer", "acme", "2026-11-01T00:00:00Z", "2026-11-30T00:00:00Z", "2", "500");

        assertThat(query.status()).contains(CallStatus.NO_ANSWER);
        assertThat(query.accountId()).contains("acme");
        assertThat(query.from()).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(query.to()).contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(query.offset()).isEqualTo(1000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            unknown status            | ringing-ish | null | null                 | null                 | null       | null | status
            from not an instant       | null        | null | 2026-11-01           | null                 | null       | null | from
            to not an instant         | null        | null | null                 | yesterday            | null       | null | to
            from equal to to          | null        | null | 2026-11-01T00:00:00Z | 2026-11-01T00:00:00Z | null       | null | from
            from after to             | null        | null | 2026-11-02T00:00:00Z | 2026-11-01T00:00:00Z | null       | null | from
            negative page             | null        | null | null                 | null                 | -1         | null | page
            page not a number         | null        | null | null                 | null                 | first      | null | page
            page past int offsets     | null        | null | null                 | null                 | 2147483647 | 500  | page
            page past deepest offset  | null        | null | null                 | null                 | 4000000    | 500  | page
            page just past the limit  | null        | null | null                 | null                 | 20         | 500  | page
            range over a year         | null        | null | 2025-01-01T00:00:00Z | 2026-01-03T00:00:00Z | null       | null | to
            size zero                 | null        | null | null                 | null                 | null       | 0    | size
            size over maximum         | null        | null | null                 | null                 | null       | 501  | size
            size not a number         | null        | null | null                 | null                 | null       | 5.5  | size
            blank account             | null        | '  ' | null                 | null                 | null       | null | accountId
            """)
    void whenParameterIsBadThenItIsNamed(
            String description,
            String status,
            String accountId,
            String from,
            String to,
            String page,
            String size,
            String parameter) {
        assertThatThrownBy(() -> CallQueryParameters.parse(status, accountId, from, to, page, size))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
