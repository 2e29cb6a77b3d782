package io.switchboard.billing.rating.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** The one rate of this skeleton: a price per started minute, in the deployment's currency. */
public record RateCard(BigDecimal pricePerMinute, String currency) {

    public RateCard {
        Objects.requireNonNull(pricePerMinute, "pricePerMinute");
        Objects.requireNonNull(currency, "currency");
        if (pricePerMinute.signum() < 0) {
            throw new IllegalArgumentException("A price per minute cannot be negative: " + pricePerMinute);
        }
    }
}
