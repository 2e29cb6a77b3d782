package io.switchboard.events.envelope;

import java.util.regex.Pattern;

/**
 * The services that sign events, by the name a reader's configuration gives each trusted key
 * ({@code switchboard.events.key-producers.<key-id>}). Each {@link EventType} names the producers that
 * may sign it: an event signed with another producer's key is refused, however valid its signature.
 */
public final class EventProducers {

    /** Provider events and routing requests: what it learned from the provider's verified webhooks. */
    public static final String WEBHOOK_INGRESS = "webhook-ingress";

    /** Call placements and rejections of call requests, and what became of each request up to its placed call. */
    public static final String CAMPAIGN_DIALER = "campaign-dialer";

    /** Call states, routing decisions, account configurations and closings, and the finished outcome of a request. */
    public static final String CALL_ORCHESTRATOR = "call-orchestrator";

    /** Charges, top-ups and wallet states. */
    public static final String BILLING_SERVICE = "billing-service";

    /** Audit entries of personal-data reads; with call-orchestrator and billing-service, the audit trail's producers. */
    public static final String CALL_LOG_SERVICE = "call-log-service";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private EventProducers() {}

    /** Whether {@code name} can name a producer: lower-case letters, digits and dashes, as module names are. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
