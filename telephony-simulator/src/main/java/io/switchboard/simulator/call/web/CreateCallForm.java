package io.switchboard.simulator.call.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.simulator.call.domain.CallDirection;
import io.switchboard.simulator.call.domain.CallSpec;
import io.switchboard.simulator.call.domain.MachineDetection;
import org.springframework.util.MultiValueMap;

/** Reads Twilio's "create a call" form, refusing it with Twilio's error codes where Twilio would. */
final class CreateCallForm {

    private CreateCallForm() {}

    static CallSpec parse(String accountSid, MultiValueMap<String, String> form) {
        String to = FormFields.text(form, "To");
        String from = FormFields.text(form, "From");
        if (to == null) {
            throw TwilioApiException.badRequest(21201, "No 'To' number is specified");
        }
        if (from == null) {
            throw TwilioApiException.badRequest(21603, "A 'From' phone number is required.");
        }
        if (FormFields.text(form, "Url") == null && FormFields.text(form, "Twiml") == null) {
            throw TwilioApiException.badRequest(21205, "Url parameter is required.");
        }
        return new CallSpec(
                accountSid,
                CallDirection.OUTBOUND_API,
                from,
                to,
                FormFields.text(form, "StatusCallback"),
                FormFields.method(form, "StatusCallbackMethod"),
                events(form.get("StatusCallbackEvent")),
                "true".equalsIgnoreCase(form.getFirst("Record")),
                FormFields.text(form, "RecordingStatusCallback"),
                events(form.get("RecordingStatusCallbackEvent")),
                FormFields.seconds(form, "TimeLimit"),
                FormFields.seconds(form, "Timeout"),
                FormFields.instructions(form),
                machineDetection(form));
    }

    /** Twilio takes events both as repeated params (the SDKs) and space-separated in one (curl users). */
    private static Set<String> events(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split("[\\s,]+")))
                .filter(event -> !event.isBlank())
                .map(event -> event.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** MachineDetection other than Enable or DetectMessageEnd leaves detection off. */
    private static MachineDetection machineDetection(MultiValueMap<String, String> form) {
        String mode = FormFields.text(form, "MachineDetection");
        if (!"Enable".equalsIgnoreCase(mode) && !"DetectMessageEnd".equalsIgnoreCase(mode)) {
            return null;
        }
        Integer timeout = FormFields.seconds(form, "MachineDetectionTimeout");
        return new MachineDetection(
                "DetectMessageEnd".equalsIgnoreCase(mode),
                "true".equalsIgnoreCase(form.getFirst("AsyncAmd")),
                FormFields.text(form, "AsyncAmdStatusCallback"),
                FormFields.method(form, "AsyncAmdStatusCallbackMethod"),
                timeout == null || timeout <= 0 ? MachineDetection.DEFAULT_TIMEOUT_SECONDS : timeout);
    }
}
