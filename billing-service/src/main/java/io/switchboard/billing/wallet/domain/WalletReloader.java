package io.switchboard.billing.wallet.domain;

/** Rebuilds {@link Wallets} from the topics they are a cache of. */
public interface WalletReloader {

    /**
     * Re-reads the topics if a Kafka commit ended with an unknown outcome ({@link Wallets#isStale()}).
     * Callers hold the {@link WalletWriteLock}, so no write of theirs is in flight.
     */
    void reloadIfStale();
}
