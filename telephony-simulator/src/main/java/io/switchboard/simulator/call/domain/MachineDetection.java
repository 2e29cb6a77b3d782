package io.switchboard.simulator.call.domain;

import org.springframework.http.HttpMethod;

/**
 * Answering machine detection as asked at creation ({@code MachineDetection}, {@code AsyncAmd}, …).
 *
 * @param waitForMessageEnd {@code DetectMessageEnd}: a machine is reported at the end of its greeting
 * @param async             {@code AsyncAmd=true}: the call connects at once and the result goes to {@code callback}
 * @param callback          {@code AsyncAmdStatusCallback}; null for none
 * @param callbackMethod    {@code AsyncAmdStatusCallbackMethod}
 * @param timeoutSeconds    {@code MachineDetectionTimeout} (Twilio's default 30): an undecided detection lasts this long
 */
public record MachineDetection(
        boolean waitForMessageEnd, boolean async, String callback, HttpMethod callbackMethod, int timeoutSeconds) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
}
