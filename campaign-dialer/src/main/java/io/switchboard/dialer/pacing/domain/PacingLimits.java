package io.switchboard.dialer.pacing.domain;

import java.time.Duration;

/**
 * What one provider account may be asked for.
 *
 * @param callsPerSecond       in any sliding second
 * @param concurrentCalls      dialing or in progress at once
 * @param prefixCallsPerSecond to one destination area code in any sliding second
 * @param jitterAllowance      how late a call may reach the provider without breaking a rate there
 */
public record PacingLimits(
        double callsPerSecond, int concurrentCalls, double prefixCallsPerSecond, Duration jitterAllowance) {}
