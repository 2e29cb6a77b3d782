package io.switchboard.simulator.call.web;

import io.switchboard.simulator.call.domain.VoiceInstructions;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/** Reads single fields of Twilio's forms, shared by create and update. */
final class FormFields {

    private FormFields() {}

    static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    /** Twilio's *Method params: GET or POST, POST when absent. */
    static HttpMethod method(MultiValueMap<String, String> form, String name) {
        return "GET".equalsIgnoreCase(form.getFirst(name)) ? HttpMethod.GET : HttpMethod.POST;
    }

    /** A malformed number is ignored rather than refused: the simulator is not the place to test that. */
    static Integer seconds(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        try {
            return StringUtils.hasText(value) ? Integer.valueOf(value.trim()) : null;
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    /** Url (with Method) or Twiml, or null when the form names neither. */
    static VoiceInstructions instructions(MultiValueMap<String, String> form) {
        String url = text(form, "Url");
        String twiml = text(form, "Twiml");
        if (url == null && twiml == null) {
            return null;
        }
        return new VoiceInstructions(url, method(form, "Method"), url == null ? twiml : null);
    }
}
