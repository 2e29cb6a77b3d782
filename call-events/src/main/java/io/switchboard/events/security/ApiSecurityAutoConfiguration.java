package io.switchboard.events.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The one security configuration of every service with an HTTP API: stateless bearer-JWT
 * authentication (Spring Security's OAuth2 resource server, keys and issuer from Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}), the scopes each endpoint needs from the
 * service's {@link ApiAccessRules}, everything else refused, and a request body limit. Actuator is
 * served on the management port and left open there: that port is never exposed publicly.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ServerHttpSecurity.class, OAuth2ResourceServerProperties.class})
@EnableConfigurationProperties({ApiSecurityProperties.class, OAuth2ResourceServerProperties.class})
@EnableWebFluxSecurity
public class ApiSecurityAutoConfiguration {

    /** Present with Boot's actuator, whose endpoints the management port serves. */
    private static final String ACTUATOR_MANAGEMENT_PORT =
            "org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ObjectProvider<ApiAccessRules> rules) {
        List<ApiAccessRules.Rule> endpoints =
                rules.getIfAvailable(ApiAccessRules::new).rules();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> {
                    if (ClassUtils.isPresent(
                            ACTUATOR_MANAGEMENT_PORT, getClass().getClassLoader())) {
                        exchanges.matchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    }
                    for (ApiAccessRules.Rule rule : endpoints) {
                        exchanges
                                .pathMatchers(rule.method(), rule.pathPattern())
                                .hasAnyAuthority(rule.authorities());
                    }
                    exchanges.anyExchange().denyAll();
                })
                .oauth2ResourceServer(server ->
                        server.jwt(jwt -> {}).authenticationFailureHandler(new IssuerUnavailableFailureHandler()))
                .build();
    }

    /**
     * Tokens from Boot's standard settings: the keys from {@code jwk-set-uri}, else from
     * {@code public-key-location}, else from the issuer's discovery document; and in every case the
     * issuer and the audience checked.
     */
    @Bean
    ReactiveJwtDecoder apiTokenDecoder(OAuth2ResourceServerProperties resourceServer) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        requireTokenChecks(jwt);
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.stream().anyMatch(jwt.getAudiences()::contains)));
        if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
            return checked(
                    NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build(), checks);
        }
        if (jwt.getPublicKeyLocation() != null) {
            return checked(
                    NimbusReactiveJwtDecoder.withPublicKey(publicKey(jwt.getPublicKeyLocation()))
                            .build(),
                    checks);
        }
        // Discovery happens at the first token, not at start-up: a service starts while its issuer is down.
        var discovered = new SupplierReactiveJwtDecoder(() ->
                checked((NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(jwt.getIssuerUri()), checks));
        // An issuer that cannot be reached is a passing fault: as a JwtException it is answered 503, not 500.
        return token -> discovered
                .decode(token)
                .onErrorMap(
                        error -> !(error instanceof JwtException),
                        error -> new JwtException("the token issuer could not be reached", error));
    }

    private static NimbusReactiveJwtDecoder checked(
            NimbusReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> checks) {
        decoder.setJwtValidator(checks);
        return decoder;
    }

    @Bean
    WebFluxConfigurer callerArguments(ApiSecurityProperties properties) {
        var resolver = new CallerArgumentResolver(properties.accountClaim());
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(resolver);
            }
        };
    }

    @Bean
    @Order(0)
    RequestBodyLimit requestBodyLimit(ApiSecurityProperties properties) {
        return new RequestBodyLimit(properties.maxRequestBody().toBytes());
    }

    /**
     * A token from the right issuer for another service would otherwise be accepted, so the audience
     * is required, and so is where the keys come from.
     */
    private static void requireTokenChecks(OAuth2ResourceServerProperties.Jwt jwt) {
        if (jwt.getAudiences() == null || jwt.getAudiences().isEmpty()) {
            throw new IllegalStateException(
                    "spring.security.oauth2.resourceserver.jwt.audiences is required: the audience this service's tokens are issued for");
        }
        if (jwt.getIssuerUri() == null || jwt.getIssuerUri().isBlank()) {
            throw new IllegalStateException(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri is required: the issuer whose tokens this service accepts");
        }
    }

    private static RSAPublicKey publicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "spring.security.oauth2.resourceserver.jwt.public-key-location cannot be read: " + location, e);
        }
    }
}
