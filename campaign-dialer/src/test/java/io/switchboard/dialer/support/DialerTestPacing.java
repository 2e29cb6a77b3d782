package io.switchboard.dialer.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Pacing for tests about something else: every test account dials on the fake Twilio account, one provider
 * account for all of them, whose production defaults (1 call a second, 10 at once) would make a test wait on
 * pacing rather than on what it tests. PacingIT tests the limits themselves.
 */
public final class DialerTestPacing {

    private DialerTestPacing() {}

    public static void unhurried(DynamicPropertyRegistry registry) {
        registry.add("switchboard.dialer.pacing.calls-per-second", () -> 200);
        registry.add("switchboard.dialer.pacing.prefix-calls-per-second", () -> 200);
        registry.add("switchboard.dialer.pacing.concurrent-calls", () -> 100_000);
    }
}
