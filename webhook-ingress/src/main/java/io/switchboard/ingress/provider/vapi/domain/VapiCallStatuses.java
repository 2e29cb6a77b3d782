package io.switchboard.ingress.provider.vapi.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.switchboard.events.call.CallStatus;
import io.switchboard.ingress.webhook.domain.BadWebhookException;

/**
 * VAPI's call statuses in Switchboard's (Twilio's) vocabulary. VAPI ends every call with
 * {@code ended} and says how in {@code endedReason}; Switchboard's terminal statuses say it
 * themselves, so the reason picks one: busy, no answer, canceled, failed to connect, else completed.
 * Statuses that are not a state of a live call ({@code not-found}, {@code deletion-failed}) map to nothing.
 */
final class VapiCallStatuses {

    private static final Set<String> BUSY = Set.of("customer-busy", "call.forwarding.operator-busy");
    private static final Set<String> NO_ANSWER = Set.of("customer-did-not-answer");
    private static final Set<String> CANCELED = Set.of("manually-canceled", "scheduled-call-deleted", "call-deleted");
    /** The call never connected: it could not start, the assistant could not be had, or the carrier refused it. */
    private static final List<String> FAILED_PREFIXES = List.of(
            "call-start-error",
            "call.start.error",
            "assistant-request-",
            "assistant-not-",
            "call.ringing.error-",
            "twilio-failed-to-connect",
            "twilio-reported-customer-misdialed",
            "vonage-rejected",
            "vonage-failed-to-connect",
            "phone-call-provider-bypass-enabled-but-no-call-received");

    private static final List<String> FAILED_MARKERS = List.of("never-connected", "failed-to-connect");

    private VapiCallStatuses() {}

    /** @throws BadWebhookException for a status VAPI does not document */
    static Optional<CallStatus> of(String status, String endedReason) {
        return switch (status) {
            case "scheduled", "queued" -> Optional.of(CallStatus.QUEUED);
            case "ringing" -> Optional.of(CallStatus.RINGING);
            // Forwarding keeps the caller on the line while the transfer is set up.
            case "in-progress", "forwarding" -> Optional.of(CallStatus.IN_PROGRESS);
            case "ended" -> Optional.of(ended(endedReason));
            case "not-found", "deletion-failed" -> Optional.empty();
            default -> throw new BadWebhookException("message.status has an unknown value");
        };
    }

    static CallStatus ended(String endedReason) {
        if (endedReason == null) {
            return CallStatus.COMPLETED;
        }
        if (BUSY.contains(endedReason)) {
            return CallStatus.BUSY;
        }
        if (NO_ANSWER.contains(endedReason)) {
            return CallStatus.NO_ANSWER;
        }
        if (CANCELED.contains(endedReason)) {
            return CallStatus.CANCELED;
        }
        if (FAILED_PREFIXES.stream().anyMatch(endedReason::startsWith)
                || FAILED_MARKERS.stream().anyMatch(endedReason::contains)) {
            return CallStatus.FAILED;
        }
        return CallStatus.COMPLETED;
    }
}
