package io.switchboard.simulator.call.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.simulator.call.domain.CallDirection;
import io.switchboard.simulator.call.domain.CallSpec;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/** Reads Twilio's "create a call" form, refusing it with Twilio's error codes where Twilio would. */
final class CreateCallForm {

    private CreateCallForm() {}

    static CallSpec parse(String accountSid, MultiValueMap<String, String> form) {
        String to = form.getFirst("To");
        String from = form.getFirst("From");
        if (!StringUtils.hasText(to)) {
            throw TwilioApiException.badRequest(21201, "No 'To' number is specified");
        }
        if (!StringUtils.hasText(from)) {
            throw TwilioApiException.badRequest(21603, "A 'From' phone number is required.");
        }
        if (!StringUtils.hasText(form.getFirst("Url")) && !StringUtils.hasText(form.getFirst("Twiml"))) {
            throw TwilioApiException.badRequest(21205, "Url parameter is required.");
        }
        return new CallSpec(
                accountSid,
                CallDirection.OUTBOUND_API,
                from,
                to,
                text(form, "StatusCallback"),
                "GET".equalsIgnoreCase(form.getFirst("StatusCallbackMethod")) ? HttpMethod.GET : HttpMethod.POST,
                events(form.get("StatusCallbackEvent")),
                "true".equalsIgnoreCase(form.getFirst("Record")),
                text(form, "RecordingStatusCallback"),
                events(form.get("RecordingStatusCallbackEvent")),
                seconds(form.getFirst("TimeLimit")),
                seconds(form.getFirst("Timeout")));
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    /** Twilio takes events both as repeated params (the SDKs) and space-separated in one (curl users). */
    private static Set<String> events(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split("[\\s,]+")))
                .filter(StringUtils::hasText)
                .map(event -> event.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A malformed number is ignored rather than refused: the simulator is not the place to test that. */
    private static Integer seconds(String value) {
        try {
            return StringUtils.hasText(value) ? Integer.valueOf(value.trim()) : null;
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
