package io.switchboard.billing.wallet.web;

import io.switchboard.events.security.ApiAccessRules;
import io.switchboard.events.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the wallet API. A tenant reads and tops up only its own wallet (the account comes from
 * the token); an operator reads any wallet but tops up none it does not hold.
 */
@Configuration(proxyBeanMethods = false)
class WalletAccess {

    @Bean
    ApiAccessRules walletAccessRules() {
        return new ApiAccessRules()
                .allow(HttpMethod.GET, "/api/wallets/{accountId}", Scope.BILLING_READ, Scope.OPERATOR)
                .allow(HttpMethod.POST, "/api/wallets/{accountId}/top-ups", Scope.BILLING_WRITE);
    }
}
