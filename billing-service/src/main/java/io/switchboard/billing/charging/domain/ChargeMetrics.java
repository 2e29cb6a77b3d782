package io.switchboard.billing.charging.domain;

import java.math.BigDecimal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of charging: call-state snapshots by outcome ({@code switchboard.billing.charges})
 * and the amounts charged.
 */
@Component
class ChargeMetrics {

    private static final String CHARGES = "switchboard.billing.charges";

    private final Counter charged;
    private final Counter skippedDuplicate;
    private final Counter notBillable;
    private final DistributionSummary chargeAmounts;

    ChargeMetrics(MeterRegistry registry) {
        this.charged = outcome(registry, "charged");
        this.skippedDuplicate = outcome(registry, "skipped-duplicate");
        this.notBillable = outcome(registry, "not-billable");
        this.chargeAmounts = DistributionSummary.builder("switchboard.billing.charge.amount")
                .description("Amounts debited for completed calls, in the configured currency")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(CHARGES)
                .description("Call state snapshots seen by billing, by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }

    void charged(BigDecimal amount) {
        charged.increment();
        chargeAmounts.record(amount.doubleValue());
    }

    void skippedDuplicate() {
        skippedDuplicate.increment();
    }

    void notBillable() {
        notBillable.increment();
    }
}
