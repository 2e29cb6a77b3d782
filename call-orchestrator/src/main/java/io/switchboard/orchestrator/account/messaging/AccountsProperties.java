package io.switchboard.orchestrator.account.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account configuration writes ({@code switchboard.orchestrator.accounts.*}).
 *
 * @param publishTimeout how long a PUT waits for accounts.v1 to commit before answering 503 (default 10s)
 */
@ConfigurationProperties("switchboard.orchestrator.accounts")
public record AccountsProperties(@DefaultValue("10s") Duration publishTimeout) {

    public AccountsProperties {
        if (publishTimeout == null || publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("switchboard.orchestrator.accounts.publish-timeout must be positive");
        }
    }
}
