package io.switchboard.dialer.placement.domain;

/**
 * The provider cannot settle a request now: it created nothing and is refusing or unreachable, or it
 * may hold a call it does not list yet. Transient: the request is tried again later, with backoff, from
 * what its intent says; never dead-lettered, never rejected for it.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
