package io.switchboard.calllog.call.web;

import java.util.function.UnaryOperator;

import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.security.Caller;
import io.switchboard.events.security.PersonalData;
import io.switchboard.events.security.Scope;

/**
 * A call record as a caller may see it: whole with {@code calls:pii}; otherwise with the phone numbers
 * masked, the recording's address withheld (its id, length and status stay) and the request's metadata
 * withheld (a publisher's context may name its customer).
 */
final class CallRecordView {

    private final UnaryOperator<CallRecord> shown;

    private CallRecordView(UnaryOperator<CallRecord> shown) {
        this.shown = shown;
    }

    static CallRecordView forCaller(Caller caller) {
        return new CallRecordView(caller.has(Scope.CALLS_PII) ? UnaryOperator.identity() : CallRecordView::masked);
    }

    CallRecord of(CallRecord call) {
        return shown.apply(call);
    }

    CallPage of(CallPage page) {
        return new CallPage(page.items().stream().map(shown).toList(), page.page(), page.size(), page.total());
    }

    private static CallRecord masked(CallRecord call) {
        CallRecord.Recording recording = call.recording() == null
                ? null
                : new CallRecord.Recording(
                        call.recording().recordingId(),
                        null,
                        call.recording().durationSeconds(),
                        call.recording().status());
        return new CallRecord(
                call.callId(),
                call.accountId(),
                call.direction(),
                PersonalData.maskPhoneNumber(call.from()),
                PersonalData.maskPhoneNumber(call.to()),
                call.assistantId(),
                call.requestId(),
                null,
                call.status(),
                call.timeline(),
                call.durationSeconds(),
                call.answeredBy(),
                call.startedAt(),
                call.endedAt(),
                recording,
                call.cost(),
                call.updatedAt());
    }
}
