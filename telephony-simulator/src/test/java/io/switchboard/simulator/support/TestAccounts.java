package io.switchboard.simulator.support;

/** The accounts the tests configure: the one most tests use, and one dialing at Twilio-like 2 calls per second. */
public final class TestAccounts {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String PACED_ACCOUNT_SID = "ACfeedfacefeedfacefeedfacefeedface";
    public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";

    private TestAccounts() {}
}
