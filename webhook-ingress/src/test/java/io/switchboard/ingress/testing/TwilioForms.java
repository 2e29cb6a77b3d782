package io.switchboard.ingress.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Object mother: form fields as Twilio sends them, for a call id of the test's choosing. */
public final class TwilioForms {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private TwilioForms() {}

    public static String newAccountSid() {
        return "AC" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String newCallSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Map<String, String> status(String callSid) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("CallSid", callSid);
        form.put("CallStatus", "completed");
        form.put("Direction", "outbound-api");
        form.put("From", "+15005550006");
        form.put("To", "+14155552671");
        form.put("CallDuration", "42");
        form.put("SequenceNumber", "3");
        form.put("Timestamp", "Tue, 04 Jul 2023 18:43:02 +0000");
        form.put("CallbackSource", "call-progress-events");
        form.put("AnsweredBy", "human");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    public static Map<String, String> recording(String callSid, String recordingSid) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("CallSid", callSid);
        form.put("RecordingSid", recordingSid);
        form.put(
                "RecordingUrl",
                "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid);
        form.put("RecordingStatus", "completed");
        form.put("RecordingDuration", "41");
        form.put("RecordingChannels", "2");
        form.put("RecordingSource", "RecordVerb");
        return form;
    }

    /** An async AMD callback ({@code AsyncAmdStatusCallback}). */
    public static Map<String, String> amd(String callSid) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("CallSid", callSid);
        form.put("AnsweredBy", "machine_end_beep");
        form.put("MachineDetectionDuration", "3210");
        return form;
    }

    public static Map<String, String> voice(String callSid) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("CallSid", callSid);
        form.put("CallStatus", "ringing");
        form.put("Direction", "inbound");
        form.put("From", "+14155552671");
        form.put("To", "+15005550006");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }
}
