package io.switchboard.billing.metrics;

import java.math.BigDecimal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.billing.wallet.domain.Wallets;
import org.springframework.stereotype.Component;

/**
 * What an operator watches: charges by outcome ({@code switchboard.billing.charges}), the amounts charged
 * and topped up, and how many wallets this instance holds.
 */
@Component
public class BillingMetrics {

    private static final String CHARGES = "switchboard.billing.charges";

    private final Counter charged;
    private final Counter skippedDuplicate;
    private final Counter notBillable;
    private final DistributionSummary chargeAmounts;
    private final DistributionSummary topUpAmounts;

    public BillingMetrics(MeterRegistry registry, Wallets wallets) {
        this.charged = outcome(registry, "charged");
        this.skippedDuplicate = outcome(registry, "skipped-duplicate");
        this.notBillable = outcome(registry, "not-billable");
        this.chargeAmounts = DistributionSummary.builder("switchboard.billing.charge.amount")
                .description("Amounts debited for completed calls, in the configured currency")
                .register(registry);
        this.topUpAmounts = DistributionSummary.builder("switchboard.billing.top-up.amount")
                .description("Amounts credited by top-ups, in the configured currency")
                .register(registry);
        Gauge.builder("switchboard.billing.wallets", wallets, Wallets::size)
                .description("Wallets held by this instance")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(CHARGES)
                .description("Call state snapshots seen by billing, by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void charged(BigDecimal amount) {
        charged.increment();
        chargeAmounts.record(amount.doubleValue());
    }

    public void skippedDuplicate() {
        skippedDuplicate.increment();
    }

    public void notBillable() {
        notBillable.increment();
    }

    public void toppedUp(BigDecimal amount) {
        topUpAmounts.record(amount.doubleValue());
    }
}
