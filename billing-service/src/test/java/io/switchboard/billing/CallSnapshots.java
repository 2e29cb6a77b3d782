package io.switchboard.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;

/** Object mother for call-state snapshots with ids unique per test (the broker is shared per JVM). */
final class CallSnapshots {

    private CallSnapshots() {}

    static String newAccountId() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newCallId() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    static CallStateChanged completed(String accountId, String callId, int seconds) {
        return ended(accountId, callId, CallStatus.COMPLETED, seconds);
    }

    static CallStateChanged ended(String accountId, String callId, CallStatus status, Integer seconds) {
        return new CallStateChanged(
                callId,
                accountId,
                "twilio",
                CallDirection.OUTBOUND,
                "+15550001111",
                "+15550002222",
                "assistant-1",
                null,
                status,
                CallStatus.IN_PROGRESS,
                seconds,
                List.of(),
                Instant.now());
    }
}
