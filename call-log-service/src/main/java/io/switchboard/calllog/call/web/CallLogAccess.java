package io.switchboard.calllog.call.web;

import io.switchboard.events.security.ApiAccessRules;
import io.switchboard.events.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read the call log: {@code calls:read} for one's own account, {@code operator} for any. */
@Configuration(proxyBeanMethods = false)
class CallLogAccess {

    @Bean
    ApiAccessRules callLogAccessRules() {
        return new ApiAccessRules()
                .allow(HttpMethod.GET, "/api/calls", Scope.CALLS_READ, Scope.OPERATOR)
                .allow(HttpMethod.GET, "/api/calls/{callId}", Scope.CALLS_READ, Scope.OPERATOR);
    }
}
