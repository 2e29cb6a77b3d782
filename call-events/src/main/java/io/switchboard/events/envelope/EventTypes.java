package io.switchboard.events.envelope;

import java.util.List;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.provider.AssistantHangReported;
import io.switchboard.events.provider.CallReportReceived;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.events.provider.RecordingReported;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.events.routing.RoutingRequested;

/** Every event type on the wire. A breaking change to one gets a new version here. */
public final class EventTypes {

    public static final EventType<CallStatusReported> CALL_STATUS_REPORTED =
            EventType.of("provider", "call-status-reported", 1, CallStatusReported.class);
    public static final EventType<RecordingReported> RECORDING_REPORTED =
            EventType.of("provider", "recording-reported", 1, RecordingReported.class);
    public static final EventType<InboundCallReceived> INBOUND_CALL_RECEIVED =
            EventType.of("provider", "inbound-call-received", 1, InboundCallReceived.class);
    public static final EventType<AnsweringMachineDetected> ANSWERING_MACHINE_DETECTED =
            EventType.of("provider", "answering-machine-detected", 1, AnsweringMachineDetected.class);
    public static final EventType<CallReportReceived> CALL_REPORT_RECEIVED =
            EventType.of("provider", "call-report-received", 1, CallReportReceived.class);
    public static final EventType<AssistantHangReported> ASSISTANT_HANG_REPORTED =
            EventType.of("provider", "assistant-hang-reported", 1, AssistantHangReported.class);
    public static final EventType<CallPlaced> CALL_PLACED = EventType.of("dialer", "call-placed", 1, CallPlaced.class);
    public static final EventType<CallRequestRejected> CALL_REQUEST_REJECTED =
            EventType.of("dialer", "call-request-rejected", 1, CallRequestRejected.class);
    public static final EventType<CallStateChanged> CALL_STATE_CHANGED =
            EventType.of("call", "state-changed", 1, CallStateChanged.class);
    public static final EventType<RoutingRequested> ROUTING_REQUESTED =
            EventType.of("routing", "requested", 1, RoutingRequested.class);
    public static final EventType<RoutingDecided> ROUTING_DECIDED =
            EventType.of("routing", "decided", 1, RoutingDecided.class);
    public static final EventType<AccountConfigured> ACCOUNT_CONFIGURED =
            EventType.of("account", "configured", 1, AccountConfigured.class);
    public static final EventType<CallCharged> CALL_CHARGED =
            EventType.of("billing", "call-charged", 1, CallCharged.class);
    public static final EventType<WalletToppedUp> WALLET_TOPPED_UP =
            EventType.of("billing", "wallet-topped-up", 1, WalletToppedUp.class);
    public static final EventType<WalletUpdated> WALLET_UPDATED =
            EventType.of("billing", "wallet-updated", 1, WalletUpdated.class);

    private static final List<EventType<?>> ALL = List.of(
            CALL_STATUS_REPORTED,
            RECORDING_REPORTED,
            INBOUND_CALL_RECEIVED,
            ANSWERING_MACHINE_DETECTED,
            CALL_REPORT_RECEIVED,
            ASSISTANT_HANG_REPORTED,
            CALL_PLACED,
            CALL_REQUEST_REJECTED,
            CALL_STATE_CHANGED,
            ROUTING_REQUESTED,
            ROUTING_DECIDED,
            ACCOUNT_CONFIGURED,
            CALL_CHARGED,
            WALLET_TOPPED_UP,
            WALLET_UPDATED);

    private EventTypes() {}

    public static List<EventType<?>> all() {
        return ALL;
    }
}
