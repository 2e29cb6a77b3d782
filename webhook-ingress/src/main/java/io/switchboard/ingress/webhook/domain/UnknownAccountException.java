package io.switchboard.ingress.webhook.domain;

/** A webhook for an account we do not know, or that holds no credentials for this provider. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String provider, String accountId) {
        super("no " + provider + " credentials for account " + accountId);
    }
}
