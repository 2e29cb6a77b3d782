package io.switchboard.orchestrator.routing.domain;

/** A routing request from a provider we have no answer language for: nothing we could answer would be understood. */
public class UnknownProviderException extends RuntimeException {

    UnknownProviderException(String provider) {
        super("no answer documents for provider " + provider);
    }
}
