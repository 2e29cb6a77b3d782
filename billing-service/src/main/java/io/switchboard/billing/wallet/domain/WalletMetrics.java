package io.switchboard.billing.wallet.domain;

import java.math.BigDecimal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What an operator watches of the wallets: the amounts topped up, and how many wallets this instance holds. */
@Component
class WalletMetrics {

    private final DistributionSummary topUpAmounts;

    WalletMetrics(MeterRegistry registry, Wallets wallets) {
        this.topUpAmounts = DistributionSummary.builder("switchboard.billing.top-up.amount")
                .description("Amounts credited by top-ups, in the configured currency")
                .register(registry);
        Gauge.builder("switchboard.billing.wallets", wallets, Wallets::size)
                .description("Wallets held by this instance")
                .register(registry);
    }

    void toppedUp(BigDecimal amount) {
        topUpAmounts.record(amount.doubleValue());
    }
}
