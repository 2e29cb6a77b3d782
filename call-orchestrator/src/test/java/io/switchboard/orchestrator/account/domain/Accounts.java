package io.switchboard.orchestrator.account.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accounts for tests: Acme with one sales number; provider credentials. */
public final class Accounts {

    public static final String SALES_NUMBER = "+14155550100";
    public static final String STREAM_URL = "wss://assistants.example/sales";
    public static final String TWILIO_SID = "AC3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6c";
    public static final String TWILIO_TOKEN = "9f3c2a1b0d8e7f6a5b4c3d2e1f0a9b8c";
    public static final String VAPI_SECRET = "vapi-server-secret-0123456789";

    private Accounts() {}

    public static Account acme(Instant configuredAt) {
        return new Account(
                "acme",
                "Acme",
                List.of(new AccountNumber(SALES_NUMBER, "sales")),
                List.of(new Assistant("sales", "Sales bot", STREAM_URL)),
                List.of(),
                configuredAt);
    }

    public static ProviderSecret twilio(String accountSid, String authToken) {
        return new ProviderSecret(ProviderSecret.TWILIO, accountSid, authToken, null);
    }

    public static ProviderSecret vapi(String secret, String verification) {
        return new ProviderSecret(ProviderSecret.VAPI, null, secret, verification);
    }

    public static CredentialChanges setting(ProviderSecret... secrets) {
        var set = new HashMap<String, ProviderSecret>();
        for (ProviderSecret secret : secrets) {
            set.put(secret.provider(), secret);
        }
        return new CredentialChanges(set, Set.of());
    }

    public static CredentialChanges removing(String... providers) {
        return new CredentialChanges(Map.of(), Set.of(providers));
    }
}
