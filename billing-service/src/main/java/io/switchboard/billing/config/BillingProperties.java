package io.switchboard.billing.config;

import java.math.BigDecimal;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.billing.*}; the defaults are explained in application.yml.
 *
 * @param pricePerMinute what one started minute of a completed call costs (default 0.05)
 * @param currency       ISO 4217 code of every wallet, charge and top-up of this deployment (default USD)
 * @param maxTopUp       the largest amount one top-up may credit (default 10000); anything larger is refused
 *                       before it reaches a wallet, so no amount can make wallet events huge
 */
@ConfigurationProperties("switchboard.billing")
public record BillingProperties(
        @DefaultValue("0.05") BigDecimal pricePerMinute,
        @DefaultValue("USD") String currency,
        @DefaultValue("10000") BigDecimal maxTopUp) {

    public BillingProperties {
        if (pricePerMinute == null || pricePerMinute.signum() < 0) {
            throw new IllegalArgumentException("switchboard.billing.price-per-minute must be 0 or more");
        }
        if (maxTopUp == null || maxTopUp.signum() <= 0) {
            throw new IllegalArgumentException("switchboard.billing.max-top-up must be greater than 0");
        }
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("switchboard.billing.currency is required");
        }
        try {
            // Fails start-up on a code that is not ISO 4217 instead of billing in a made-up currency.
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("switchboard.billing.currency is not an ISO 4217 code: " + currency, e);
        }
    }
}
