package io.switchboard.events.security;

import java.util.EnumSet;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gives a controller method its {@link Caller}, read from the verified token and nothing else. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final String accountClaim;

    CallerArgumentResolver(String accountClaim) {
        this.accountClaim = accountClaim;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(
            MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> (Object) callerOf((JwtAuthenticationToken) authentication))
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("no bearer token")));
    }

    Caller callerOf(JwtAuthenticationToken token) {
        var scopes = EnumSet.noneOf(Scope.class);
        for (GrantedAuthority authority : ((Authentication) token).getAuthorities()) {
            Scope.ofAuthority(authority.getAuthority()).ifPresent(scopes::add);
        }
        String account = token.getToken().getClaimAsString(accountClaim);
        return new Caller(token.getToken().getSubject(), account == null || account.isBlank() ? null : account, scopes);
    }
}
