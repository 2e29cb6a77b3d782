package io.switchboard.billing.wallet.domain;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer of the wallets at a time in this instance: the charging listener and the top-up API both
 * read a balance, publish the new one and then apply it, and two of those interleaved would publish a
 * balance that misses the other's change. A writer holds the lock from reading the balance until its
 * Kafka transaction has committed (or rolled back) and the change is applied. This serializes writers
 * inside ONE instance only: billing runs as a single replica (see README).
 */
public final class WalletWriteLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    public void lock() {
        lock.lock();
    }

    public void unlock() {
        lock.unlock();
    }
}
