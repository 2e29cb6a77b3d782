package io.switchboard.ingress.provider.twilio.domain;

import io.switchboard.events.envelope.EventIds;

/**
 * Deterministic event ids from Twilio's own identity of a delivery, so a retried or duplicated
 * webhook yields the same id and consumers apply it once.
 */
final class TwilioEventIds {

    private TwilioEventIds() {}

    /** Twilio's idempotency token when sent (it is kept across retries), else call + status + sequence. */
    static String callStatus(String idempotencyToken, String callSid, String callStatus, String sequenceNumber) {
        if (idempotencyToken != null) {
            return EventIds.of("twilio", idempotencyToken);
        }
        return EventIds.of("twilio-status", callSid, callStatus, sequenceNumber);
    }

    static String recording(String idempotencyToken, String recordingSid, String recordingStatus) {
        if (idempotencyToken != null) {
            return EventIds.of("twilio-recording", recordingSid, recordingStatus, idempotencyToken);
        }
        return EventIds.of("twilio-recording", recordingSid, recordingStatus);
    }

    /** One detection result per call: Twilio's async AMD callback is sent once per call (plus retries). */
    static String answeringMachine(String idempotencyToken, String callSid) {
        if (idempotencyToken != null) {
            return EventIds.of("twilio-amd", callSid, idempotencyToken);
        }
        return EventIds.of("twilio-amd", callSid);
    }

    /** One inbound call is received once, however often Twilio asks for its TwiML. */
    static String inboundCall(String callSid) {
        return EventIds.of("twilio-voice", callSid);
    }

    static String routingRequest(String callSid) {
        return EventIds.of("twilio-routing", callSid);
    }
}
