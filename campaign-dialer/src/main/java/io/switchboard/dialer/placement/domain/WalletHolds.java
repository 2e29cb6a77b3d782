package io.switchboard.dialer.placement.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an account's calls hold of its wallet, as its owner sees it: the balance a new call may spend is the
 * wallet's balance less this. A call holds what its time limit can cost
 *
 * <ul>
 *   <li>from its intent, committed when it is admitted to the pacing queue, while it waits and is dialed;</li>
 *   <li>while it is placed, until billing has settled it and the dialer has read the wallet state that
 *       includes the settlement (an ended intent's {@code walletVersion}): until then the balance read does
 *       not show the charge, so the hold must still count;</li>
 *   <li>but no longer than its lease ({@code heldUntil}: the longest it may wait in the queue, its time limit
 *       and {@code switchboard.dialer.hold-lease}), so that a settlement lost on the way cannot keep the money
 *       held for ever.</li>
 * </ul>
 *
 * The rule is {@link DialIntentRecorded#holdsAt}, which billing applies too; a hold that no longer counts is
 * dropped from the account's index here.
 */
@Component
public class WalletHolds {

    private static final Logger log = LoggerFactory.getLogger(WalletHolds.class);

    private final DialIntents intents;
    private final Clock clock;

    public WalletHolds(DialIntents intents, Clock clock) {
        this.intents = intents;
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
            if (intent.holdsAt(now, walletVersion)) {
                held = held.add(intent.held());
                continue;
            }
            intents.released(partition, intent);
            if (intent.state() != State.ENDED) {
                log.warn(
                        "Request {} (call {}) has held {} {} past its lease ({}); releasing it, as its settlement "
                                + "never arrived",
                        intent.requestId(),
                        intent.callId(),
                        intent.held(),
                        intent.currency(),
                        intent.heldUntil());
            }
        }
        return held;
    }
}
