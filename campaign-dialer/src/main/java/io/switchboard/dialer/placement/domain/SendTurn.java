package io.switchboard.dialer.placement.domain;

/**
 * Waits until a call may leave for the provider. An adapter applies it at the last moment before the request
 * is written to the wire, after everything that takes a varying time (building the request, a cold client's
 * first use), so that the instants the provider sees keep the spacing the pacer gave them.
 */
@FunctionalInterface
public interface SendTurn {

    /** No waiting: for a call that is not paced. */
    SendTurn NOW = () -> {};

    void await() throws InterruptedException;
}
