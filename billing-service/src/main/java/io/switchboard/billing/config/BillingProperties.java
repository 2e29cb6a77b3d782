package io.switchboard.billing.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.billing.*}; the defaults are explained in application.yml.
 *
 * @param pricePerMinute what one started minute of a completed call costs (default 0.05)
 * @param currency       ISO 4217 code of every wallet, charge and top-up of this deployment (default USD)
 * @param publishTimeout how long a write to ledger.v1 / wallets.v1 may take before it counts as failed (default 10s)
 */
@Validated
@ConfigurationProperties("switchboard.billing")
public record BillingProperties(
        @DefaultValue("0.05") @NotNull @PositiveOrZero BigDecimal pricePerMinute,
        @DefaultValue("USD") @NotBlank String currency,
        @DefaultValue("10s") @NotNull Duration publishTimeout) {

    public BillingProperties {
        if (currency != null && !currency.isBlank()) {
            // Fails start-up on a code that is not ISO 4217 instead of billing in a made-up currency.
            Currency.getInstance(currency);
        }
    }
}
