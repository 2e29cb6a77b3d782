package io.switchboard.dialer.placement.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.events.dialer.DialIntentRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an account's calls hold of its wallet, as its owner sees it: the balance a new call may spend is the
 * wallet's balance less this. A call holds what its time limit can cost
 *
 * <ul>
 *   <li>from its intent, committed before the provider is asked, for as long as it is in doubt;</li>
 *   <li>while it is placed, until billing has settled it and the dialer has read the wallet state that
 *       includes the settlement (an ended intent's {@code walletVersion}): until then the balance read does
 *       not show the charge, so the hold must still count;</li>
 *   <li>but no longer than its time limit and {@code switchboard.dialer.hold-lease} after it was placed, so
 *       that a settlement lost on the way cannot keep the money held for ever.</li>
 * </ul>
 */
@Component
public class WalletHolds {

    private static final Logger log = LoggerFactory.getLogger(WalletHolds.class);

    private final DialIntents intents;
    private final Duration lease;
    private final Clock clock;

    public WalletHolds(DialIntents intents, DialerProperties properties, Clock clock) {
        this.intents = intents;
        this.lease = properties.holdLease();
        this.clock = clock;
    }

    /**
     * @param walletVersion the version of the wallet state whose balance the holds are taken from
     * @param except        a request whose own hold is not counted (the one being decided again), or null
     */
    public BigDecimal held(int partition, String accountId, long walletVersion, String except) {
        Instant now = clock.instant();
        BigDecimal held = BigDecimal.ZERO;
        for (DialIntentRecorded intent : intents.holding(partition, accountId)) {
            if (intent.requestId().equals(except)) {
                continue;
            }
            switch (intent.state()) {
                case INTENDED -> held = held.add(intent.held());
                case PLACED -> {
                    if (leaseEnded(intent, now)) {
                        intents.released(partition, intent);
                        log.warn(
                                "Call {} of request {} has held {} {} for longer than its time limit and {}; "
                                        + "releasing it (its settlement never arrived)",
                                intent.callId(),
                                intent.requestId(),
                                intent.held(),
                                intent.currency(),
                                lease);
                    } else {
                        held = held.add(intent.held());
                    }
                }
                case ENDED -> {
                    if (intent.walletVersion() == null || intent.walletVersion() <= walletVersion) {
                        intents.released(partition, intent);
                    } else {
                        held = held.add(intent.held());
                    }
                }
                case REJECTED -> {
                    // holds nothing; not indexed
                }
            }
        }
        return held;
    }

    /** As the placed record says; records written before it said so get the same from their time limit. */
    private boolean leaseEnded(DialIntentRecorded placed, Instant now) {
        if (placed.heldUntil() != null) {
            return placed.heldUntil().isBefore(now);
        }
        long limit = placed.timeLimitSeconds() == null ? 0 : placed.timeLimitSeconds();
        return placed.recordedAt().plusSeconds(limit).plus(lease).isBefore(now);
    }
}
