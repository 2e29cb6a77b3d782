package io.switchboard.simulator.call.progress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.simulator.call.domain.CallSpec;
import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.TwilioDates;

/** The form params of Twilio's voice, status and recording webhooks, named and spelled as Twilio sends them. */
final class CallbackParams {

    private static final String API_VERSION = "2010-04-01";

    private CallbackParams() {}

    /**
     * The request to a voice URL asking what to do: an inbound number's while ringing, an outbound call's
     * once answered (with AnsweredBy when synchronous machine detection decided first).
     */
    static Map<String, String> voice(SimulatedCall call, CallStatus status, String answeredBy) {
        Map<String, String> params = common(call, status);
        if (answeredBy != null) {
            params.put("AnsweredBy", answeredBy);
        }
        return params;
    }

    /** Twilio's asynchronous AMD callback. */
    static Map<String, String> machineDetection(SimulatedCall call, String answeredBy, int detectionMillis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", call.spec().accountSid());
        params.put("CallSid", call.sid());
        params.put("AnsweredBy", answeredBy);
        params.put("MachineDetectionDuration", Integer.toString(detectionMillis));
        return params;
    }

    static Map<String, String> status(SimulatedCall call, CallStatus status, CallState state, int sequence) {
        Map<String, String> params = common(call, status);
        params.put("Timestamp", TwilioDates.format(state.dateUpdated()));
        params.put("SequenceNumber", Integer.toString(sequence));
        params.put("CallbackSource", "call-progress-events");
        if (status.terminal()) {
            int seconds = state.durationSeconds() == null ? 0 : state.durationSeconds();
            params.put("CallDuration", Integer.toString(seconds));
            params.put("Duration", Integer.toString((seconds + 59) / 60));
        }
        return params;
    }

    static Map<String, String> recording(
            SimulatedCall call, String recordingSid, String recordingUrl, Instant startTime, int durationSeconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", call.spec().accountSid());
        params.put("CallSid", call.sid());
        params.put("RecordingSid", recordingSid);
        params.put("RecordingUrl", recordingUrl);
        params.put("RecordingStatus", "completed");
        params.put("RecordingDuration", Integer.toString(durationSeconds));
        params.put("RecordingChannels", "1");
        params.put("RecordingSource", "OutboundAPI");
        params.put("RecordingStartTime", TwilioDates.format(startTime));
        params.put("ErrorCode", "0");
        return params;
    }

    private static Map<String, String> common(SimulatedCall call, CallStatus status) {
        CallSpec spec = call.spec();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", spec.accountSid());
        params.put("ApiVersion", API_VERSION);
        params.put("CallSid", call.sid());
        params.put("CallStatus", status.wire());
        params.put("Called", spec.to());
        params.put("Caller", spec.from());
        params.put("Direction", spec.direction().wire());
        params.put("From", spec.from());
        params.put("To", spec.to());
        return params;
    }
}
