package io.switchboard.orchestrator.account.domain;

import java.time.Instant;
import java.util.List;

/** Accounts for tests: Acme with one sales number. */
public final class Accounts {

    public static final String SALES_NUMBER = "+14155550100";
    public static final String STREAM_URL = "wss://assistants.example/sales";

    private Accounts() {
    }

    public static Account acme(Instant configuredAt) {
        return new Account("acme", "Acme", List.of(new AccountNumber(SALES_NUMBER, "sales")),
                List.of(new Assistant("sales", "Sales bot", STREAM_URL)), configuredAt);
    }
}
