package io.switchboard.ingress.provider.vapi.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import io.switchboard.events.envelope.EventIds;

/**
 * Deterministic event ids from VAPI's identity of a message. VAPI sends no delivery id, so the id is
 * what makes the message unique within its call: a status is reached once per call, and a call has
 * one end-of-call report and one assistant request; hangs can repeat, so theirs adds the message's
 * timestamp (or, without one, a hash of the raw body, which a retry repeats byte for byte). Every id
 * names the account whose webhook path (and secret) the message came through: a VAPI call id names
 * nothing of ours on its own, and the same message verified for two accounts is two facts, which must
 * not be deduplicated against each other.
 */
final class VapiEventIds {

    private VapiEventIds() {}

    /** By VAPI's own status, so {@code scheduled} and {@code queued} stay two facts though both map to queued. */
    static String status(String accountId, String callId, String vapiStatus) {
        return EventIds.of("vapi-status-update", accountId, callId, vapiStatus);
    }

    static String report(String accountId, String callId) {
        return EventIds.of("vapi-end-of-call-report", accountId, callId);
    }

    static String hang(String accountId, String callId, Instant timestamp, byte[] rawBody) {
        return EventIds.of(
                "vapi-hang",
                accountId,
                callId,
                timestamp != null ? String.valueOf(timestamp.toEpochMilli()) : "sha256:" + sha256(rawBody));
    }

    /** One inbound call is received once, however often VAPI asks for its assistant. */
    static String inboundCall(String accountId, String callId) {
        return EventIds.of("vapi-assistant-request", accountId, callId);
    }

    static String routingRequest(String accountId, String callId) {
        return EventIds.of("vapi-routing", accountId, callId);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
