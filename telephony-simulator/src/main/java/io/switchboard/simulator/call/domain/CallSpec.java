package io.switchboard.simulator.call.domain;

import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * What a call was asked to do, fixed when it is created.
 *
 * @param statusCallbackEvents          lower-case StatusCallbackEvent names; empty means Twilio's default
 * @param recordingStatusCallbackEvents lower-case RecordingStatusCallbackEvent names; empty means "completed"
 * @param timeLimit                     maximum talk time in seconds, or null
 * @param timeout                       ring timeout in seconds as asked, or null (kept for inspection)
 * @param voice                         what runs once the call is answered; null for inbound calls (their
 *                                      number's voice URL is asked while ringing)
 * @param machineDetection              answering machine detection as asked, or null when off
 */
public record CallSpec(
        String accountSid,
        CallDirection direction,
        String from,
        String to,
        String statusCallback,
        HttpMethod statusCallbackMethod,
        Set<String> statusCallbackEvents,
        boolean record,
        String recordingStatusCallback,
        Set<String> recordingStatusCallbackEvents,
        Integer timeLimit,
        Integer timeout,
        VoiceInstructions voice,
        MachineDetection machineDetection) {

    public CallSpec {
        statusCallbackEvents = Set.copyOf(statusCallbackEvents);
        recordingStatusCallbackEvents = Set.copyOf(recordingStatusCallbackEvents);
    }

    /** Twilio: with no StatusCallbackEvent only the completed event is sent. */
    public boolean subscribes(CallStatus status) {
        if (statusCallback == null) {
            return false;
        }
        String event = status.callbackEvent();
        return statusCallbackEvents.isEmpty() ? event.equals("completed") : statusCallbackEvents.contains(event);
    }

    public boolean wantsCompletedRecording() {
        return record
                && recordingStatusCallback != null
                && (recordingStatusCallbackEvents.isEmpty() || recordingStatusCallbackEvents.contains("completed"));
    }
}
