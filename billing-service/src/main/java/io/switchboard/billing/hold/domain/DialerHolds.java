package io.switchboard.billing.hold.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.kafka.FollowedTopic;

/**
 * What the dialer's calls hold of each wallet, read from dialer-intents.v1 as the dialer writes it: billing
 * does not hold money itself (the dialer's owner of an account does), it shows what is held so that a wallet's
 * available balance is its balance less this. A call holds from its intent until it has ended and the wallet
 * state with billing's settlement of it is the current one, and a placed call no longer than its lease
 * ({@code heldUntil}). Written by the follower's one thread, read by the wallet API.
 */
public class DialerHolds {

    private final Map<String, Map<String, DialIntentRecorded>> holdingByAccount = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile FollowedTopic topic = FollowedTopic.NOT_FOLLOWED;

    public DialerHolds(Clock clock) {
        this.clock = clock;
    }

    /** The latest record of a request replaces what was known of it. */
    public void apply(DialIntentRecorded intent) {
        Map<String, DialIntentRecorded> holding =
                holdingByAccount.computeIfAbsent(intent.accountId(), account -> new ConcurrentHashMap<>());
        if (intent.held() != null && intent.held().signum() > 0 && intent.state() != State.REJECTED) {
            holding.put(intent.key(), intent);
        } else {
            holding.remove(intent.key());
        }
    }

    /** What the account's calls hold of its wallet while its state is {@code walletVersion}. */
    public BigDecimal held(String accountId, long walletVersion) {
        Instant now = clock.instant();
        BigDecimal held = BigDecimal.ZERO;
        for (DialIntentRecorded intent :
                holdingByAccount.getOrDefault(accountId, Map.of()).values()) {
            if (intent.holdsAt(now, walletVersion)) {
                held = held.add(intent.held());
            }
        }
        return held;
    }

    public void readFrom(FollowedTopic topic) {
        this.topic = topic;
    }

    public boolean isLoaded() {
        return topic.isLoaded();
    }
}
