package io.switchboard.orchestrator.account.web;

import io.switchboard.events.security.ApiAccessRules;
import io.switchboard.events.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the account API: an account's own administrators ({@code accounts:admin} with the
 * account in the token) read and change it; a platform operator creates accounts, reads any and deletes
 * any (deleting is the platform's decision, not the tenant's).
 */
@Configuration(proxyBeanMethods = false)
class AccountAccess {

    @Bean
    ApiAccessRules accountAccessRules() {
        return new ApiAccessRules()
                .allow(HttpMethod.PUT, "/api/accounts/{accountId}", Scope.ACCOUNTS_ADMIN, Scope.OPERATOR)
                .allow(HttpMethod.GET, "/api/accounts/{accountId}", Scope.ACCOUNTS_ADMIN, Scope.OPERATOR)
                .allow(HttpMethod.DELETE, "/api/accounts/{accountId}", Scope.OPERATOR);
    }
}
