package io.switchboard.billing.rating.domain;

import java.math.BigDecimal;
import java.util.Optional;

import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;

/**
 * Rates a call snapshot: only a {@code completed} call costs anything, inbound and outbound alike,
 * billed per started minute (65 s is 2 minutes, 60 s is 1). A completed call of 0 s costs nothing.
 */
public final class CallRater {

    private static final int SECONDS_PER_MINUTE = 60;

    private final RateCard rateCard;

    public CallRater(RateCard rateCard) {
        this.rateCard = rateCard;
    }

    /** The charge for the call, or empty when the call is not billable (not completed, or 0 s). */
    public Optional<Rating> rate(CallStateChanged call) {
        if (call.status() != CallStatus.COMPLETED) {
            return Optional.empty();
        }
        if (isBlank(call.callId()) || isBlank(call.accountId()) || isBlank(call.provider())) {
            throw new UnratableCallException("completed call " + call.callId() + " of account " + call.accountId()
                    + " lacks a call id, an account id or a provider");
        }
        Integer duration = call.durationSeconds();
        // A completed call always has a duration; charging nothing for a missing one would hide a bug.
        if (duration == null || duration < 0) {
            throw new UnratableCallException("completed call " + call.callId() + " has no valid duration: " + duration);
        }
        int minutes = billedMinutes(duration);
        if (minutes == 0) {
            return Optional.empty();
        }
        BigDecimal amount = rateCard.pricePerMinute().multiply(BigDecimal.valueOf(minutes));
        return Optional.of(new Rating(duration, minutes, rateCard.pricePerMinute(), amount, rateCard.currency()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static int billedMinutes(int durationSeconds) {
        return Math.ceilDiv(durationSeconds, SECONDS_PER_MINUTE);
    }
}
