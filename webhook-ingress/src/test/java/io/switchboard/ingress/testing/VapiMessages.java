package io.switchboard.ingress.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Object mother: VAPI server messages as VAPI posts them (fixtures after its docs), for a call of the test's choosing. */
public final class VapiMessages {

    public static final String CUSTOMER_NUMBER = "+14155552671";
    public static final String PHONE_NUMBER = "+15005550006";
    public static final String ORG_ID = "8d3b0c2e-5f8a-4d1e-9b6a-2c7f1e4a9d30";

    private VapiMessages() {}

    public static String newCallId() {
        return UUID.randomUUID().toString();
    }

    public static byte[] statusUpdate(String callId, String status) {
        return statusUpdate(callId, status, null);
    }

    /** A status update; an {@code ended} one also carries its reason and the call's end time. */
    public static byte[] statusUpdate(String callId, String status, String endedReason) {
        return fixture("status-update", callId)
                .replace("${status}", status)
                .replace("${endedReason}", endedReason == null ? "null" : "\"" + endedReason + "\"")
                .replace("${endedAt}", endedReason == null ? "null" : "\"2024-08-14T00:27:04.901Z\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] endOfCallReport(String callId) {
        return bytes("end-of-call-report", callId);
    }

    /** An end-of-call report in the older shape: transcript, summary and recording URL at the top. */
    public static byte[] legacyEndOfCallReport(String callId) {
        return bytes("end-of-call-report-legacy", callId);
    }

    public static byte[] hang(String callId) {
        return bytes("hang", callId);
    }

    public static byte[] assistantRequest(String callId) {
        return bytes("assistant-request", callId);
    }

    private static byte[] bytes(String name, String callId) {
        return fixture(name, callId).getBytes(StandardCharsets.UTF_8);
    }

    private static String fixture(String name, String callId) {
        try (InputStream in = VapiMessages.class.getResourceAsStream("/vapi/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${callId}", callId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
