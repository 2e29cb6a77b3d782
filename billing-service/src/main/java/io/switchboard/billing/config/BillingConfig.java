package io.switchboard.billing.config;

import java.time.Clock;

import io.switchboard.billing.rating.domain.CallRater;
import io.switchboard.billing.rating.domain.RateCard;
import io.switchboard.billing.wallet.domain.WalletWriteLock;
import io.switchboard.billing.wallet.domain.Wallets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain domain objects, built once per instance from the configuration. */
@Configuration(proxyBeanMethods = false)
class BillingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RateCard rateCard(BillingProperties properties) {
        return new RateCard(properties.pricePerMinute(), properties.currency());
    }

    @Bean
    CallRater callRater(RateCard rateCard) {
        return new CallRater(rateCard);
    }

    @Bean
    Wallets wallets() {
        return new Wallets();
    }

    @Bean
    WalletWriteLock walletWriteLock() {
        return new WalletWriteLock();
    }
}
