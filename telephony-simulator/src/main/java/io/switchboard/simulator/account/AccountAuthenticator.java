package io.switchboard.simulator.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.switchboard.simulator.config.SimulatorProperties;
import org.springframework.stereotype.Component;

/** Knows the configured accounts: checks Basic credentials and hands out the token that signs webhooks. */
@Component
public class AccountAuthenticator {

    private static final String BASIC = "Basic ";

    private final Map<String, String> tokens;

    AccountAuthenticator(SimulatorProperties properties) {
        this.tokens = properties.accounts();
    }

    /** True when the Authorization header carries {@code accountSid:token} for that configured account. */
    public boolean authenticates(String accountSid, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0 || !credentials.substring(0, colon).equals(accountSid)) {
            return false;
        }
        return tokenFor(accountSid)
                .map(token -> MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    public Optional<String> tokenFor(String accountSid) {
        return Optional.ofNullable(tokens.get(accountSid));
    }
}
