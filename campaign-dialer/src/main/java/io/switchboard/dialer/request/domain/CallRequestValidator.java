package io.switchboard.dialer.request.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.schedule.domain.RequestSchedules;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a call-requests record can be dialed: JSON, then the published JSON Schema
 * (call-request.v1), then real phone numbers and a schedule that can be kept ({@link RequestSchedules}). Each
 * rejection names the field at fault.
 */
@Component
public final class CallRequestValidator {

    static final String NOT_JSON = "not JSON";

    // Strict reading: a request with duplicate keys or trailing bytes is ambiguous, so it is not dialed.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Schema schema = loadSchema();
    private final RequestSchedules schedules;

    public CallRequestValidator(RequestSchedules schedules) {
        this.schedules = schedules;
    }

    public Validation validate(byte[] value) {
        JsonNode json;
        try {
            json = value == null ? null : mapper.readTree(value);
        } catch (JacksonException e) {
            json = null;
        }
        if (json == null || json.isMissingNode()) {
            return new Validation.Invalid(null, null, NOT_JSON, null);
        }
        List<SchemaViolation> violations =
                schema.validate(json).stream().map(SchemaViolation::of).toList();
        if (!violations.isEmpty()) {
            return invalid(json, violations);
        }
        CallRequest request;
        try {
            request = mapper.treeToValue(json, CallRequest.class);
        } catch (DatabindException e) {
            // The schema checks shapes, not formats: a text that is no time is found here.
            String field = e.getPath().stream()
                    .map(reference -> reference.getPropertyName())
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("."));
            return new Validation.Invalid(
                    readable(json, "requestId", List.of()),
                    readable(json, "accountId", List.of()),
                    field + ": is not a date-time with an offset, such as 2026-12-03T18:00:00Z",
                    field);
        }
        if (PhoneNumbers.normalized(request.to()).isEmpty()) {
            return new Validation.Invalid(
                    request.requestId(),
                    request.accountId(),
                    "to: " + request.to() + " is not a valid phone number",
                    "to");
        }
        if (PhoneNumbers.normalized(request.from()).isEmpty()) {
            return new Validation.Invalid(
                    request.requestId(),
                    request.accountId(),
                    "from: " + request.from() + " is not a valid phone number",
                    "from");
        }
        MachineDetection detection = request.machineDetection();
        if (detection != null
                && detection.onMachine() == MachineDetection.OnMachine.LEAVE_MESSAGE
                && (detection.message() == null || detection.message().isBlank())) {
            return new Validation.Invalid(
                    request.requestId(),
                    request.accountId(),
                    "machineDetection.message: leave-message needs the message to leave",
                    "machineDetection.message");
        }
        Optional<RequestSchedules.Refusal> unschedulable =
                schedules.refusal(request).or(() -> schedules.windowRefusal(request));
        if (unschedulable.isPresent()) {
            return new Validation.Invalid(
                    request.requestId(),
                    request.accountId(),
                    unschedulable.get().reason(),
                    unschedulable.get().field());
        }
        return new Validation.Valid(request);
    }

    private static Validation.Invalid invalid(JsonNode json, List<SchemaViolation> violations) {
        String reason = violations.stream().map(SchemaViolation::describe).collect(Collectors.joining("; "));
        return new Validation.Invalid(
                readable(json, "requestId", violations),
                readable(json, "accountId", violations),
                reason,
                violations.getFirst().field());
    }

    /** A top-level text field the publisher can correlate by, unless that very field is at fault. */
    private static String readable(JsonNode json, String name, List<SchemaViolation> violations) {
        boolean atFault = violations.stream().anyMatch(violation -> name.equals(violation.field()));
        JsonNode node = json.get(name);
        return !atFault && node != null && node.isString() ? node.asString() : null;
    }

    private static Schema loadSchema() {
        try (InputStream in = CallRequest.class.getClassLoader().getResourceAsStream(CallRequest.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CallRequest.SCHEMA_RESOURCE + " is missing from the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CallRequest.SCHEMA_RESOURCE, e);
        }
    }
}
