package io.switchboard.events.provider;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider's report on a call after it ended, with what the call produced (VAPI: the
 * {@code end-of-call-report} server message). The call's status comes separately, as {@link CallStatusReported}.
 *
 * @param endedReason     why the call ended, as the provider spells it (VAPI {@code endedReason})
 * @param transcript      the conversation as text
 * @param summary         the provider's summary of the call
 * @param recordingUrl    where the provider serves the call's recording
 * @param cost            what the provider charged for the call, in {@code costCurrency}
 * @param durationSeconds how long the call lasted, whole seconds rounded up
 */
public record CallReportReceived(
        String provider,
        String accountId,
        String callId,
        String endedReason,
        String transcript,
        String summary,
        String recordingUrl,
        BigDecimal cost,
        String costCurrency,
        Integer durationSeconds,
        Instant startedAt,
        Instant endedAt,
        Instant receivedAt) {}
