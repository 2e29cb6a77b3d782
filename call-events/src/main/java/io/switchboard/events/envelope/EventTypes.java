package io.switchboard.events.envelope;

import static io.switchboard.events.envelope.EventProducers.BILLING_SERVICE;
import static io.switchboard.events.envelope.EventProducers.CALL_LOG_SERVICE;
import static io.switchboard.events.envelope.EventProducers.CALL_ORCHESTRATOR;
import static io.switchboard.events.envelope.EventProducers.CAMPAIGN_DIALER;
import static io.switchboard.events.envelope.EventProducers.WEBHOOK_INGRESS;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestDue;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.provider.AssistantHangReported;
import io.switchboard.events.provider.CallReportReceived;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.events.provider.RecordingReported;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.events.routing.RoutingRequested;

/**
 * Every event type on the wire, each with the producers whose keys may sign it. A breaking change to
 * one gets a new version here.
 */
public final class EventTypes {

    public static final EventType<CallStatusReported> CALL_STATUS_REPORTED =
            EventType.of("provider", "call-status-reported", 1, CallStatusReported.class, WEBHOOK_INGRESS);
    public static final EventType<RecordingReported> RECORDING_REPORTED =
            EventType.of("provider", "recording-reported", 1, RecordingReported.class, WEBHOOK_INGRESS);
    public static final EventType<InboundCallReceived> INBOUND_CALL_RECEIVED =
            EventType.of("provider", "inbound-call-received", 1, InboundCallReceived.class, WEBHOOK_INGRESS);
    public static final EventType<AnsweringMachineDetected> ANSWERING_MACHINE_DETECTED =
            EventType.of("provider", "answering-machine-detected", 1, AnsweringMachineDetected.class, WEBHOOK_INGRESS);
    public static final EventType<CallReportReceived> CALL_REPORT_RECEIVED =
            EventType.of("provider", "call-report-received", 1, CallReportReceived.class, WEBHOOK_INGRESS);
    public static final EventType<AssistantHangReported> ASSISTANT_HANG_REPORTED =
            EventType.of("provider", "assistant-hang-reported", 1, AssistantHangReported.class, WEBHOOK_INGRESS);
    public static final EventType<CallPlaced> CALL_PLACED =
            EventType.of("dialer", "call-placed", 1, CallPlaced.class, CAMPAIGN_DIALER);
    public static final EventType<CallRequestRejected> CALL_REQUEST_REJECTED =
            EventType.of("dialer", "call-request-rejected", 1, CallRequestRejected.class, CAMPAIGN_DIALER);
    public static final EventType<CallRequestReceived> CALL_REQUEST_RECEIVED =
            EventType.of("dialer", "call-request-received", 1, CallRequestReceived.class, CAMPAIGN_DIALER);
    public static final EventType<CallRequestDue> CALL_REQUEST_DUE =
            EventType.of("dialer", "call-request-due", 1, CallRequestDue.class, CAMPAIGN_DIALER);
    public static final EventType<CallRequestCancelled> CALL_REQUEST_CANCELLED =
            EventType.of("dialer", "call-request-cancelled", 1, CallRequestCancelled.class, CAMPAIGN_DIALER);
    /** The dialer's accepted, placed and rejected; the orchestrator's finished, once the placed call has ended. */
    public static final EventType<CallRequestOutcome> CALL_REQUEST_OUTCOME = EventType.of(
            "dialer", "call-request-outcome", 1, CallRequestOutcome.class, CAMPAIGN_DIALER, CALL_ORCHESTRATOR);

    public static final EventType<DialIntentRecorded> DIAL_INTENT_RECORDED =
            EventType.of("dialer", "dial-intent-recorded", 1, DialIntentRecorded.class, CAMPAIGN_DIALER);
    public static final EventType<QueuedCallRecorded> QUEUED_CALL_RECORDED =
            EventType.of("dialer", "queued-call-recorded", 1, QueuedCallRecorded.class, CAMPAIGN_DIALER);
    public static final EventType<DoNotCallChanged> DO_NOT_CALL_CHANGED =
            EventType.of("dialer", "do-not-call-changed", 1, DoNotCallChanged.class, CAMPAIGN_DIALER);
    public static final EventType<CampaignRecorded> CAMPAIGN_RECORDED =
            EventType.of("dialer", "campaign-recorded", 1, CampaignRecorded.class, CAMPAIGN_DIALER);
    public static final EventType<CallStateChanged> CALL_STATE_CHANGED =
            EventType.of("call", "state-changed", 1, CallStateChanged.class, CALL_ORCHESTRATOR);
    public static final EventType<RoutingRequested> ROUTING_REQUESTED =
            EventType.of("routing", "requested", 1, RoutingRequested.class, WEBHOOK_INGRESS);
    public static final EventType<RoutingDecided> ROUTING_DECIDED =
            EventType.of("routing", "decided", 1, RoutingDecided.class, CALL_ORCHESTRATOR);
    public static final EventType<AccountConfigured> ACCOUNT_CONFIGURED =
            EventType.of("account", "configured", 1, AccountConfigured.class, CALL_ORCHESTRATOR);
    public static final EventType<AccountClosed> ACCOUNT_CLOSED =
            EventType.of("account", "closed", 1, AccountClosed.class, CALL_ORCHESTRATOR);
    public static final EventType<CallCharged> CALL_CHARGED =
            EventType.of("billing", "call-charged", 1, CallCharged.class, BILLING_SERVICE);
    public static final EventType<CallNotCharged> CALL_NOT_CHARGED =
            EventType.of("billing", "call-not-charged", 1, CallNotCharged.class, BILLING_SERVICE);
    public static final EventType<WalletToppedUp> WALLET_TOPPED_UP =
            EventType.of("billing", "wallet-topped-up", 1, WalletToppedUp.class, BILLING_SERVICE);
    public static final EventType<WalletUpdated> WALLET_UPDATED =
            EventType.of("billing", "wallet-updated", 1, WalletUpdated.class, BILLING_SERVICE);
    /** Every service whose API changes accounts or wallets or serves personal data records audits with it. */
    public static final EventType<AuditRecorded> AUDIT_RECORDED = EventType.of(
            "audit", "recorded", 1, AuditRecorded.class, CALL_ORCHESTRATOR, BILLING_SERVICE, CALL_LOG_SERVICE);

    private static final List<EventType<?>> ALL = List.of(
            CALL_STATUS_REPORTED,
            RECORDING_REPORTED,
            INBOUND_CALL_RECEIVED,
            ANSWERING_MACHINE_DETECTED,
            CALL_REPORT_RECEIVED,
            ASSISTANT_HANG_REPORTED,
            CALL_PLACED,
            CALL_REQUEST_REJECTED,
            CALL_REQUEST_RECEIVED,
            CALL_REQUEST_DUE,
            CALL_REQUEST_CANCELLED,
            CALL_REQUEST_OUTCOME,
            DIAL_INTENT_RECORDED,
            QUEUED_CALL_RECORDED,
            DO_NOT_CALL_CHANGED,
            CAMPAIGN_RECORDED,
            CALL_STATE_CHANGED,
            ROUTING_REQUESTED,
            ROUTING_DECIDED,
            ACCOUNT_CONFIGURED,
            ACCOUNT_CLOSED,
            CALL_CHARGED,
            CALL_NOT_CHARGED,
            WALLET_TOPPED_UP,
            WALLET_UPDATED,
            AUDIT_RECORDED);

    private static final Map<String, EventType<?>> BY_TOKEN =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::token, Function.identity()));

    private EventTypes() {}

    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The type a CloudEvent's {@code type} names, or null for a token the catalogue does not know. */
    public static EventType<?> byToken(String token) {
        return BY_TOKEN.get(token);
    }
}
