package io.switchboard.billing.rating.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CallRaterTests {

    private final CallRater rater = new CallRater(new RateCard(new BigDecimal("0.05"), "USD"));

    @ParameterizedTest(name = "{0} s bills {1} minutes costing {2}")
    @CsvSource({"1, 1, 0.05", "59, 1, 0.05", "60, 1, 0.05", "61, 2, 0.10", "65, 2, 0.10", "3600, 60, 3.00"})
    void whenCompletedThenBilledPerStartedMinute(int seconds, int minutes, String amount) {
        // given a completed call of that duration
        var call = call(CallStatus.COMPLETED, seconds, CallDirection.OUTBOUND);

        // when it is rated
        Rating rating = rater.rate(call).orElseThrow();

        // then every started minute is billed at the rate
        assertThat(rating.billedMinutes()).isEqualTo(minutes);
        assertThat(rating.durationSeconds()).isEqualTo(seconds);
        assertThat(rating.amount()).isEqualByComparingTo(amount);
        assertThat(rating.pricePerMinute()).isEqualByComparingTo("0.05");
        assertThat(rating.currency()).isEqualTo("USD");
    }

    @Test
    void whenCompletedAfterZeroSecondsThenNotBillable() {
        assertThat(rater.rate(call(CallStatus.COMPLETED, 0, CallDirection.OUTBOUND)))
                .isEmpty();
    }

    @Test
    void whenInboundThenRatedLikeOutbound() {
        var inbound = rater.rate(call(CallStatus.COMPLETED, 65, CallDirection.INBOUND))
                .orElseThrow();

        assertThat(inbound.amount()).isEqualByComparingTo("0.10");
    }

    @ParameterizedTest
    @EnumSource(value = CallStatus.class, names = "COMPLETED", mode = EnumSource.Mode.EXCLUDE)
    void whenNotCompletedThenNotBillable(CallStatus status) {
        // busy, no-answer, failed and canceled are never charged, whatever duration they report
        assertThat(rater.rate(call(status, 120, CallDirection.OUTBOUND))).isEmpty();
    }

    @Test
    void whenCompletedWithoutDurationThenUnratable() {
        assertThatThrownBy(() -> rater.rate(call(CallStatus.COMPLETED, null, CallDirection.OUTBOUND)))
                .isInstanceOf(UnratableCallException.class)
                .hasMessageContaining("duration");
    }

    @Test
    void whenCompletedWithNegativeDurationThenUnratable() {
        assertThatThrownBy(() -> rater.rate(call(CallStatus.COMPLETED, -1, CallDirection.OUTBOUND)))
                .isInstanceOf(UnratableCallException.class);
    }

    @Test
    void whenCompletedWithoutAccountThenUnratable() {
        var call = new CallStateChanged(
                "CA1",
                null,
                "twilio",
                CallDirection.OUTBOUND,
                "+1",
                "+2",
                null,
                null,
                CallStatus.COMPLETED,
                CallStatus.IN_PROGRESS,
                30,
                List.of(),
                Instant.now());

        assertThatThrownBy(() -> rater.rate(call))
                .isInstanceOf(UnratableCallException.class)
                .hasMessageContaining("account");
    }

    @Test
    void whenRateHasMoreDecimalsThenAmountIsExact() {
        var fine = new CallRater(new RateCard(new BigDecimal("0.0125"), "USD"));

        assertThat(fine.rate(call(CallStatus.COMPLETED, 180, CallDirection.OUTBOUND))
                        .orElseThrow()
                        .amount())
                .isEqualByComparingTo("0.0375");
    }

    private static CallStateChanged call(CallStatus status, Integer seconds, CallDirection direction) {
        return new CallStateChanged(
                "CA1",
                "acme",
                "twilio",
                direction,
                "+15550001",
                "+15550002",
                "a-1",
                null,
                status,
                CallStatus.IN_PROGRESS,
                seconds,
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"));
    }
}
