package io.switchboard.deploy;

/**
 * The services of the local stack, in the order they start; each listens on the stack's base port plus
 * its offset, and all but the simulator serve their actuator on a management port of their own.
 */
public enum StackService {
    /** Started first and awaited: the others validate bearer tokens against it. */
    DEV_ISSUER("dev-issuer", 20),
    WEBHOOK_INGRESS("webhook-ingress", 0),
    CALL_ORCHESTRATOR("call-orchestrator", 1),
    CAMPAIGN_DIALER("campaign-dialer", 2),
    BILLING_SERVICE("billing-service", 3),
    CALL_LOG_SERVICE("call-log-service", 4),
    TELEPHONY_SIMULATOR("telephony-simulator", 10);

    /** Management ports are the service's offset above base port + this. */
    static final int MANAGEMENT_PORT_DISTANCE = 100;

    private final String module;
    private final int portOffset;

    StackService(String module, int portOffset) {
        this.module = module;
        this.portOffset = portOffset;
    }

    int portOffset() {
        return portOffset;
    }

    String module() {
        return module;
    }

    /** One of Switchboard's own services: on Kafka, signing events, and a resource server of the issuer. */
    boolean isSwitchboardService() {
        return this != DEV_ISSUER && this != TELEPHONY_SIMULATOR;
    }

    /** Its actuator is on a port of its own; the simulator, a stand-in for the provider, keeps it on its port. */
    boolean hasManagementPort() {
        return this != TELEPHONY_SIMULATOR;
    }
}
