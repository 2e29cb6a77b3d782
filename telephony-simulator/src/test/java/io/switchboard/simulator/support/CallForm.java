package io.switchboard.simulator.support;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Object mother for Twilio's "create a call" form. By default the call's instructions are inline TwiML that
 * connects a media stream, so it stays up for its scripted time without any voice URL to fetch.
 */
public final class CallForm {

    public static final String STREAM_TWIML =
            "<Response><Connect><Stream url=\"wss://app.test/stream\"/></Connect></Response>";

    private final MultiValueMap<String, String> form = new LinkedMultiValueMap<>();

    private CallForm(String to) {
        form.add("To", to);
        form.add("From", "+15550100000");
        form.add("Twiml", STREAM_TWIML);
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

    /** Instructions fetched from a URL when the call is answered, instead of the inline TwiML. */
    public CallForm voiceUrl(String url) {
        return without("Twiml").with("Url", url);
    }

    public CallForm recordingTo(String recordingCallback) {
        return with("Record", "true").with("RecordingStatusCallback", recordingCallback);
    }

    /** An empty form, for updates. */
    public static CallForm update() {
        CallForm form = new CallForm("");
        form.form.clear();
        return form;
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
