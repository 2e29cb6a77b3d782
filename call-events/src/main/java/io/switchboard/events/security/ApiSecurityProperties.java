package io.switchboard.events.security;

import io.switchboard.events.config.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a service's APIs authenticate callers, beside Spring Boot's standard resource-server settings
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}, and {@code audiences}), which say whose tokens to trust.
 *
 * @param accountClaim   the token claim naming the account the caller acts for
 * @param maxRequestBody the largest request body any API accepts; a larger one is refused with 413
 */
@ConfigurationProperties("switchboard.security")
public record ApiSecurityProperties(
        @DefaultValue("account") String accountClaim,
        @DefaultValue("64KB") DataSize maxRequestBody) {

    public ApiSecurityProperties {
        Settings.require(accountClaim, "switchboard.security.account-claim");
        if (maxRequestBody == null || maxRequestBody.toBytes() <= 0) {
            throw new IllegalArgumentException("switchboard.security.max-request-body must be positive");
        }
    }
}
