package io.switchboard.ingress.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import io.switchboard.ingress.testing.TwilioForms;

/**
 * Twilio's four webhooks: a valid form for each, and the ways to make one certainly invalid for
 * the ingress's mapping (a required field missing, or a field that does not parse), so that a
 * correctly signed request must still be refused with 400.
 */
enum TwilioEndpoint {
    STATUS(
            "status",
            List.of("CallSid", "CallStatus"),
            Map.of(
                    "CallStatus", FuzzValues::notACallStatus,
                    "CallDuration", FuzzValues::notANonNegativeInt,
                    "SequenceNumber", FuzzValues::notANonNegativeInt,
                    "Timestamp", FuzzValues::notAnRfc2822Date)),
    RECORDING(
            "recording",
            List.of("CallSid", "RecordingSid", "RecordingStatus"),
            Map.of(
                    "RecordingStatus", FuzzValues::notARecordingStatus,
                    "RecordingDuration", FuzzValues::notANonNegativeInt,
                    "RecordingChannels", FuzzValues::notANonNegativeInt)),
    AMD("amd", List.of("CallSid", "AnsweredBy"), Map.of("MachineDetectionDuration", FuzzValues::notANonNegativeInt)),
    VOICE("voice", List.of("CallSid"), Map.of());

    private final String segment;
    private final List<String> required;
    private final Map<String, Function<Random, String>> parsed;

    TwilioEndpoint(String segment, List<String> required, Map<String, Function<Random, String>> parsed) {
        this.segment = segment;
        this.required = required;
        this.parsed = parsed;
    }

    static TwilioEndpoint any(Random random) {
        return FuzzValues.pick(random, values());
    }

    String path(String accountId) {
        return "/webhooks/twilio/" + accountId + "/" + segment;
    }

    /** A form Twilio could send this endpoint for the account, every field valid. */
    Map<String, List<String>> validForm(Random random, String accountSid) {
        String callSid = FuzzValues.sid(random, "CA");
        Map<String, String> form = switch (this) {
            case STATUS -> TwilioForms.status(callSid);
            case RECORDING -> TwilioForms.recording(callSid, FuzzValues.sid(random, "RE"));
            case AMD -> TwilioForms.amd(callSid);
            case VOICE -> TwilioForms.voice(callSid);
        };
        var fields = new LinkedHashMap<String, List<String>>();
        form.forEach((name, value) -> fields.put(name, new ArrayList<>(List.of(value))));
        fields.put("AccountSid", new ArrayList<>(List.of(accountSid)));
        return fields;
    }

    /** The fields whose values are parsed (so a wrong value is refused); voice has none. */
    List<String> parsedFields() {
        return parsed.keySet().stream().sorted().toList();
    }

    /**
     * Makes the form certainly invalid: drops a required field, or gives a parsed field a value that
     * does not parse, sometimes followed by a valid one (the mapping reads the first value sent).
     */
    void invalidate(Random random, Map<String, List<String>> fields) {
        if (parsed.isEmpty() || FuzzValues.chance(random, 0.3)) {
            fields.remove(FuzzValues.pick(random, required));
            return;
        }
        String name = FuzzValues.pick(random, parsedFields());
        var values = new ArrayList<String>();
        values.add(invalidValue(random, name));
        if (FuzzValues.chance(random, 0.25) && fields.containsKey(name)) {
            values.add(fields.get(name).getFirst());
        }
        fields.put(name, values);
    }

    /** A value that does not parse for one of the {@link #parsedFields()}. */
    String invalidValue(Random random, String field) {
        return parsed.get(field).apply(random);
    }
}
