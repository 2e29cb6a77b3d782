package io.switchboard.ingress.provider.twilio.domain;

import io.switchboard.events.envelope.EventIds;

/**
 * Deterministic event ids from Twilio's own identity of a delivery, so a retried or duplicated
 * webhook yields the same id and consumers apply it once. Every id names the account whose webhook
 * path (and credential) the delivery came through first: a CallSid, a RecordingSid or an idempotency
 * token names nothing of ours on its own, and the same delivery verified for two accounts is two
 * facts, which must not be deduplicated against each other (by the dedup window or by a consumer).
 */
final class TwilioEventIds {

    private TwilioEventIds() {}

    /** Twilio's idempotency token when sent (it is kept across retries), else call + status + sequence. */
    static String callStatus(
            String accountId, String idempotencyToken, String callSid, String callStatus, String sequenceNumber) {
        if (idempotencyToken != null) {
            return EventIds.of("twilio", accountId, idempotencyToken);
        }
        return EventIds.of("twilio-status", accountId, callSid, callStatus, sequenceNumber);
    }

    static String recording(String accountId, String idempotencyToken, String recordingSid, String recordingStatus) {
        if (idempotencyToken != null) {
            return EventIds.of("twilio-recording", accountId, recordingSid, recordingStatus, idempotencyToken);
        }
        return EventIds.of("twilio-recording", accountId, recordingSid, recordingStatus);
    }

    /** One detection result per call: Twilio's async AMD callback is sent once per call (plus retries). */
    static String answeringMachine(String accountId, String idempotencyToken, String callSid) {
        if (idempotencyToken != null) {
            return EventIds.of("twilio-amd", accountId, callSid, idempotencyToken);
        }
        return EventIds.of("twilio-amd", accountId, callSid);
    }

    /** One inbound call is received once, however often Twilio asks for its TwiML. */
    static String inboundCall(String accountId, String callSid) {
        return EventIds.of("twilio-voice", accountId, callSid);
    }

    static String routingRequest(String accountId, String callSid) {
        return EventIds.of("twilio-routing", accountId, callSid);
    }
}
