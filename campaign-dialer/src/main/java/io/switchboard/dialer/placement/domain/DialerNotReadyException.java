package io.switchboard.dialer.placement.domain;

/**
 * What a request is checked against is not known yet (accounts.v1 or wallets.v1 still being read after a
 * start, a credential sealed with a key this instance does not hold yet). Transient: the request waits and
 * is tried again, it is not refused for what the dialer has not read.
 */
public class DialerNotReadyException extends RuntimeException {

    public DialerNotReadyException(String message) {
        super(message);
    }
}
