package io.switchboard.dialer.config;

import io.switchboard.events.security.ApiAccessRules;
import io.switchboard.events.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the dialer's API. A tenant requests (and cancels) calls, runs campaigns and changes the do-not-call
 * list of its own account only (the account comes from the token); reading whether a number is listed also takes an
 * operator's token.
 */
@Configuration(proxyBeanMethods = false)
class DialerApiAccess {

    @Bean
    ApiAccessRules dialerAccessRules() {
        return new ApiAccessRules()
                .allow(HttpMethod.POST, "/api/call-requests", Scope.CALLS_WRITE)
                .allow(HttpMethod.DELETE, "/api/call-requests/{requestId}", Scope.CALLS_WRITE)
                .allow(HttpMethod.POST, "/api/campaigns", Scope.CALLS_WRITE)
                .allow(HttpMethod.GET, "/api/campaigns", Scope.CALLS_READ)
                .allow(HttpMethod.GET, "/api/campaigns/{campaignId}", Scope.CALLS_READ)
                .allow(HttpMethod.POST, "/api/campaigns/{campaignId}/contacts", Scope.CALLS_WRITE)
                .allow(HttpMethod.POST, "/api/campaigns/{campaignId}/pause", Scope.CALLS_WRITE)
                .allow(HttpMethod.POST, "/api/campaigns/{campaignId}/resume", Scope.CALLS_WRITE)
                .allow(HttpMethod.POST, "/api/campaigns/{campaignId}/cancel", Scope.CALLS_WRITE)
                .allow(HttpMethod.PUT, "/api/do-not-call/{accountId}/{number}", Scope.CALLS_WRITE)
                .allow(HttpMethod.DELETE, "/api/do-not-call/{accountId}/{number}", Scope.CALLS_WRITE)
                .allow(HttpMethod.GET, "/api/do-not-call/{accountId}/{number}", Scope.CALLS_READ, Scope.OPERATOR);
    }
}
