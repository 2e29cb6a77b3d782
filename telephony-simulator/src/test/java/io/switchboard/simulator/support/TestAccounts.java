package io.switchboard.simulator.support;

/** The one account the tests configure. */
public final class TestAccounts {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";

    private TestAccounts() {}
}
