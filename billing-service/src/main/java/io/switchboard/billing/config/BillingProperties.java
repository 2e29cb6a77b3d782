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
 */
@ConfigurationProperties("switchboard.billing")
public record BillingProperties(
        @DefaultValue("0.05") BigDecimal pricePerMinute,
        @DefaultValue("USD") String currency) {

    public BillingProperties {
        if (pricePerMinute == null || pricePerMinute.signum() < 0) {
            throw new IllegalArgumentException("switchboard.billing.price-per-minute must be 0 or more");
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
