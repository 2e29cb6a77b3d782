package io.switchboard.calllog.web;

import io.switchboard.events.security.ApiAccessRules;
import io.switchboard.events.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use this service's API, the one list of its rules: the call log and the call requests with
 * {@code calls:read} for one's own account, {@code operator} for any; the audit trail with {@code operator} only.
 */
@Configuration(proxyBeanMethods = false)
public class CallLogAccess {

    @Bean
    ApiAccessRules callLogAccessRules() {
        return new ApiAccessRules()
                .allow(HttpMethod.GET, "/api/calls", Scope.CALLS_READ, Scope.OPERATOR)
                .allow(HttpMethod.GET, "/api/calls/{callId}", Scope.CALLS_READ, Scope.OPERATOR)
                .allow(HttpMethod.GET, "/api/call-requests/{requestId}", Scope.CALLS_READ, Scope.OPERATOR)
                .allow(HttpMethod.GET, "/api/audit", Scope.OPERATOR);
    }
}
