package io.switchboard.deploy;

/** The services of the local stack; each listens on the stack's base port plus its offset. */
enum StackService {
    WEBHOOK_INGRESS("webhook-ingress", 0),
    CALL_ORCHESTRATOR("call-orchestrator", 1),
    CAMPAIGN_DIALER("campaign-dialer", 2),
    BILLING_SERVICE("billing-service", 3),
    CALL_LOG_SERVICE("call-log-service", 4),
    TELEPHONY_SIMULATOR("telephony-simulator", 10);

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
}
