package io.switchboard.billing.rating.domain;

import java.math.BigDecimal;

/** What a completed call costs: its duration, the minutes billed for it, the price and the amount. */
public record Rating(
        int durationSeconds, int billedMinutes, BigDecimal pricePerMinute, BigDecimal amount, String currency) {}
