package io.switchboard.events.request;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A request to place one outbound call, published by internal systems to their call-request topic as
 * plain JSON (schemas/call-request.v1.schema.json). {@code requestId} makes retries idempotent.
 *
 * @param expiresAt when the call is no longer wanted: a request not dialed by then is rejected, not dialed;
 *                  null for no expiry of its own (the dialer's {@code max-request-age} still applies)
 * @param maxDurationSeconds the longest the call may last once answered; null for the dialer's
 *                  {@code max-call-duration}. The time limit the provider is given is the shortest of the two and
 *                  of what the account's wallet can pay for
 * @param machineDetection answering machine detection and what to do on a machine; null for none
 * @param notBefore  not dialed before this instant; null or past for as soon as the limits allow. A request due
 *                  later waits in the dialer, holding nothing, until it is due, and is then admitted as if it had
 *                  just arrived
 * @param recurrence dial it again at every instant a cron expression names (from {@code notBefore} on, before
 *                  {@code expiresAt}); each occurrence is a request of its own, {@link #occurrenceId}, which may be
 *                  dialed up to the dialer's {@code max-request-age} after its due time; null for once
 * @param callingWindow when the recipient may be called, in the recipient's time zone: a request outside it waits
 *                  for it to open, and one not dialed before it closes is not dialed; null for any time
 * @param retry     whether and when to dial again after a busy, unanswered or failed call; null for never
 */
public record CallRequest(
        String requestId,
        String accountId,
        String to,
        String from,
        String assistantId,
        Map<String, String> metadata,
        Instant expiresAt,
        Integer maxDurationSeconds,
        MachineDetection machineDetection,
        Instant notBefore,
        Recurrence recurrence,
        CallingWindow callingWindow,
        RetryPolicy retry) {

    public static final String SCHEMA_RESOURCE = "schemas/call-request.v1.schema.json";

    /** The longest request id a recurring request may have: its occurrences' ids add a suffix to it. */
    public static final int MAX_RECURRING_REQUEST_ID_LENGTH = 110;

    private static final DateTimeFormatter OCCURRENCE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The longest request id a request with a retry policy may have: its retries' ids add a suffix to it. */
    public static final int MAX_RETRIED_REQUEST_ID_LENGTH = 116;

    private static final String ATTEMPT = ":attempt-";

    /**
     * The request id of the occurrence of recurring request {@code requestId} due at {@code dueAt}: the series' id,
     * a colon and the due instant in UTC, e.g. {@code daily-checkin:20261203T090000Z}. Deterministic, so that a
     * due time fired twice is one request.
     */
    public static String occurrenceId(String requestId, Instant dueAt) {
        return requestId + ":" + OCCURRENCE_TIME.format(dueAt);
    }

    /**
     * This request as the one-off request {@code occurrenceRequestId}, neither scheduled nor recurring any more, no
     * longer wanted after {@code expiresAt} (null: its age alone limits it), in the same calling window.
     */
    public CallRequest occurrence(String occurrenceRequestId, Instant expiresAt) {
        return new CallRequest(
                occurrenceRequestId,
                accountId,
                to,
                from,
                assistantId,
                metadata,
                expiresAt,
                maxDurationSeconds,
                machineDetection,
                null,
                null,
                callingWindow,
                retry);
    }

    /**
     * The id of attempt {@code attempt} (from 2) of the request whose first attempt is {@code requestId}: e.g.
     * {@code crm-0187:attempt-2}.
     */
    public static String attemptId(String requestId, int attempt) {
        return firstAttemptOf(requestId) + ATTEMPT + attempt;
    }

    /** Which attempt {@code requestId} is: 1 for a request that is not a retry. */
    public static int attemptOf(String requestId) {
        int at = requestId.lastIndexOf(ATTEMPT);
        if (at < 0) {
            return 1;
        }
        try {
            return Integer.parseInt(requestId.substring(at + ATTEMPT.length()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String firstAttemptOf(String requestId) {
        int at = requestId.lastIndexOf(ATTEMPT);
        return at < 0 || attemptOf(requestId) == 1 ? requestId : requestId.substring(0, at);
    }

    /** A request with nothing but its numbers, assistant and context: dialed once, as soon as the limits allow. */
    public CallRequest(
            String requestId,
            String accountId,
            String to,
            String from,
            String assistantId,
            Map<String, String> metadata) {
        this(requestId, accountId, to, from, assistantId, metadata, null, null, null, null, null, null, null);
    }
}
