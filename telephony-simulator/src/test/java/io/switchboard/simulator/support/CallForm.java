package io.switchboard.simulator.support;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Object mother for Twilio's "create a call" form. */
public final class CallForm {

    private final MultiValueMap<String, String> form = new LinkedMultiValueMap<>();

    private CallForm(String to) {
        form.add("To", to);
        form.add("From", "+15550100000");
        form.add("Url", "http://app.test/twiml");
    }

    public static CallForm to(String number) {
        return new CallForm(number);
    }

    /** Subscribes the callback to every call progress event. */
    public CallForm allEventsTo(String statusCallback) {
        return with("StatusCallback", statusCallback)
                .with("StatusCallbackEvent", "initiated")
                .with("StatusCallbackEvent", "ringing")
                .with("StatusCallbackEvent", "answered")
                .with("StatusCallbackEvent", "completed");
    }

    public CallForm recordingTo(String recordingCallback) {
        return with("Record", "true").with("RecordingStatusCallback", recordingCallback);
    }

    public CallForm with(String name, String value) {
        form.add(name, value);
        return this;
    }

    public CallForm without(String name) {
        form.remove(name);
        return this;
    }

    public MultiValueMap<String, String> build() {
        return form;
    }
}
