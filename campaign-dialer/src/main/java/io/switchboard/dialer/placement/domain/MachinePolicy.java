package io.switchboard.dialer.placement.domain;

import java.util.Locale;

/** What the dialer did when the provider said who answered a call whose request asked for machine detection. */
public enum MachinePolicy {
    /** A person, an unknown party, or a request without machine detection: nothing. */
    NONE,
    HUNG_UP,
    LEFT_MESSAGE,
    CONNECTED;

    /**
     * Twilio's {@code AnsweredBy}: {@code machine_start}, {@code machine_end_beep}, {@code machine_end_silence},
     * {@code machine_end_other} and {@code fax} are machines; {@code human} and {@code unknown} are not.
     */
    public static boolean isMachine(String answeredBy) {
        return answeredBy != null && (answeredBy.startsWith("machine") || answeredBy.equals("fax"));
    }

    /** For metrics and logs: {@code none}, {@code hung-up}, {@code left-message}, {@code connected}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
