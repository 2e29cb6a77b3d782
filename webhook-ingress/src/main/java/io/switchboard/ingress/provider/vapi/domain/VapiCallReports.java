package io.switchboard.ingress.provider.vapi.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import io.switchboard.events.provider.CallReportReceived;
import io.switchboard.ingress.webhook.domain.BadWebhookException;

/**
 * Reads an end-of-call report. Fields are taken where VAPI puts them now, falling back to where older
 * payloads had them: transcript {@code artifact.transcript} then {@code transcript}; summary
 * {@code analysis.summary} then {@code summary}; recording {@code artifact.recording.mono.combinedUrl},
 * {@code artifact.recordingUrl}, then {@code recordingUrl}; and the call object's copies last.
 */
final class VapiCallReports {

    /** VAPI reports every cost in US dollars. */
    static final String COST_CURRENCY = "USD";

    private VapiCallReports() {}

    static CallReportReceived read(String provider, String accountId, VapiMessage message, Instant receivedAt) {
        Instant startedAt = first(message.instant("startedAt"), message.instant("call", "startedAt"));
        Instant endedAt = first(message.instant("endedAt"), message.instant("call", "endedAt"));
        BigDecimal cost = first(message.decimal("cost"), message.decimal("call", "cost"));
        return new CallReportReceived(
                provider,
                accountId,
                message.callId(),
                first(message.text("endedReason"), message.text("call", "endedReason")),
                first(message.text("artifact", "transcript"), message.text("transcript")),
                first(message.text("analysis", "summary"), message.text("summary")),
                first(
                        message.text("artifact", "recording", "mono", "combinedUrl"),
                        message.text("artifact", "recordingUrl"),
                        message.text("recordingUrl")),
                cost,
                cost == null ? null : COST_CURRENCY,
                durationSeconds(startedAt, endedAt, message.decimal("durationSeconds")),
                startedAt,
                endedAt,
                receivedAt);
    }

    /** Whole seconds, rounded up like a billed second; from start and end when both are known. */
    static Integer durationSeconds(Instant startedAt, Instant endedAt, BigDecimal reported) {
        try {
            if (startedAt != null && endedAt != null && !endedAt.isBefore(startedAt)) {
                Duration duration = Duration.between(startedAt, endedAt);
                return Math.toIntExact(duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
            }
            if (reported != null && reported.signum() >= 0) {
                return reported.setScale(0, RoundingMode.CEILING).intValueExact();
            }
            return null;
        } catch (ArithmeticException e) {
            throw new BadWebhookException("the call's duration is out of range");
        }
    }

    @SafeVarargs
    static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
