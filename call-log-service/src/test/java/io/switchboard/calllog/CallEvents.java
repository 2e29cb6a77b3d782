package io.switchboard.calllog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.provider.RecordingReported;

/** Object mother for the events the call log reads: one call's snapshots, its placement, its recording, its charge. */
public final class CallEvents {

    /** Steps of a call's timeline are this far apart. */
    public static final Duration STEP = Duration.ofSeconds(10);

    /** The call request's metadata a placement carries: the publisher's context, a customer's name in it. */
    public static final Map<String, String> METADATA = Map.of("campaign", "renewals", "customer", "Ada Lovelace");

    private CallEvents() {}

    public static String newCallId() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String newAccountId() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The snapshot after the last status of {@code path}, with a timeline of every status in it. */
    /** The key and subject of a call's snapshots on call-states.v1, and the subject of its charge on ledger.v1. */
    public static String key(String callId, String accountId) {
        return new CallKey("twilio", accountId, callId).canonical();
    }

    /** {@link #snapshot} of a call whose answering machine detection the orchestrator knows. */
    public static CallStateChanged answered(
            String answeredBy, String callId, String accountId, Instant startedAt, CallStatus... path) {
        var state = snapshot(callId, accountId, startedAt, path);
        return new CallStateChanged(
                state.callId(),
                state.accountId(),
                state.provider(),
                state.direction(),
                state.from(),
                state.to(),
                state.assistantId(),
                state.requestId(),
                state.status(),
                state.previousStatus(),
                state.durationSeconds(),
                state.timeline(),
                state.changedAt(),
                answeredBy);
    }

    public static CallStateChanged snapshot(String callId, String accountId, Instant startedAt, CallStatus... path) {
        List<CallTransition> timeline = new ArrayList<>();
        for (int i = 0; i < path.length; i++) {
            timeline.add(new CallTransition(path[i], startedAt.plus(STEP.multipliedBy(i)), i));
        }
        CallStatus status = path[path.length - 1];
        CallStatus previous = path.length > 1 ? path[path.length - 2] : null;
        Integer duration = status.isTerminal() ? Integer.valueOf(status == CallStatus.COMPLETED ? 42 : 0) : null;
        return new CallStateChanged(
                callId,
                accountId,
                "twilio",
                CallDirection.OUTBOUND,
                "+14155550100",
                "+14155550199",
                "asst-1",
                "req-" + callId,
                status,
                previous,
                duration,
                timeline,
                timeline.getLast().at());
    }

    /** The dialer's placement of the call, for request {@code req-<callId>}, with {@link #METADATA}. */
    public static CallPlaced placed(String callId, String accountId) {
        return placed(callId, accountId, METADATA);
    }

    public static CallPlaced placed(String callId, String accountId, Map<String, String> metadata) {
        return new CallPlaced(
                "req-" + callId,
                accountId,
                callId,
                "twilio",
                "+14155550100",
                "+14155550199",
                "sales",
                3600,
                Instant.parse("2026-11-02T10:00:00Z"),
                metadata);
    }

    public static RecordingReported recording(String callId, String accountId, String status) {
        return new RecordingReported(
                "twilio",
                accountId,
                callId,
                "RE" + callId.substring(2),
                status,
                "https://api.twilio.com/recordings/RE" + callId.substring(2),
                41,
                1,
                Instant.parse("2026-11-02T10:00:00Z"));
    }

    public static CallCharged charge(String callId, String accountId) {
        return new CallCharged(
                "twilio",
                accountId,
                callId,
                42,
                1,
                new BigDecimal("0.0140"),
                new BigDecimal("0.0140"),
                "USD",
                new BigDecimal("9.9860"),
                Instant.parse("2026-11-02T10:01:00Z"));
    }
}
