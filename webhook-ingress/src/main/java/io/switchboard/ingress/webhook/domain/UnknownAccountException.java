package io.switchboard.ingress.webhook.domain;

/** A webhook for an account we hold no provider credentials for. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String provider, String accountId) {
        super("no " + provider + " credentials for account " + accountId);
    }
}
