package io.switchboard.devissuer;

import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server reduced to what the local stack needs: the client-credentials grant for
 * one confidential client, self-contained RS256 access tokens, OIDC and RFC 8414 discovery and the JWKS.
 * Nothing else is served: no login, no authorization-code flow, no user accounts.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfig {

    private static final Logger log = LoggerFactory.getLogger(IssuerConfig.class);

    /** The token, discovery and JWKS endpoints; the token request's extra {@code account} is checked here. */
    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http) {
        Consumer<OAuth2ClientCredentialsAuthenticationContext> validator =
                OAuth2ClientCredentialsAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.andThen(
                        new AccountParameterValidator());
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults())
                            .tokenEndpoint(token -> token.authenticationProviders(providers -> providers.forEach(p -> {
                                if (p instanceof OAuth2ClientCredentialsAuthenticationProvider clientCredentials) {
                                    clientCredentials.setAuthenticationValidator(validator);
                                }
                            })));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    /** Everything else: the probes and metrics (on the management port), error pages; nothing more. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(DevIssuerProperties properties) {
        var client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(properties.clientId())
                // Kept in memory only; compared through Spring Security's delegating password encoder.
                .clientSecret("{noop}" + properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(Scopes.ALL))
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.tokenLifetime())
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    /** The issuer named in tokens and discovery; unset, it is the URL each request was sent to. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(DevIssuerProperties properties) {
        var settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null) {
            settings.issuer(properties.issuer().toString());
        }
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> signingKey(DevIssuerProperties properties) {
        RSAKey key = SigningKeys.loadOrCreate(properties.keyDirectory());
        // The key id is public (it is in the JWKS and in every token's header); the key itself is never logged.
        log.info(
                "Development issuer (not for production): client '{}', signing key '{}' kept in {}, tokens valid for {}",
                properties.clientId(),
                key.getKeyID(),
                properties.keyDirectory().toAbsolutePath().normalize(),
                properties.tokenLifetime());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> switchboardClaims(DevIssuerProperties properties) {
        return new SwitchboardClaims(properties.audience());
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new NoStoredAuthorizations();
    }

    /** No users: stops Boot from generating a password (and logging it). */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException("The development issuer has no users");
        };
    }
}
