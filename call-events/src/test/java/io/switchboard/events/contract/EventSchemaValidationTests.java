package io.switchboard.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The schemas refuse what readers could not apply, and allow what tolerant readers skip. */
class EventSchemaValidationTests {

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.all().stream().map(type -> Named.of(type.token(), type));
    }

    /** What a producer may leave out, EventJson writes as null: the schema must allow both. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void whenEveryOptionalPropertyIsNullOrAbsentThenStillValidAndReadable(EventType<?> type) {
        ObjectNode nulls = (ObjectNode) EventSchemas.tree(EventSchemas.golden(type.token()));
        Set<String> required = new HashSet<>();
        EventSchemas.schemaTree(type.schemaResource()).path("required").forEach(name -> required.add(name.asString()));
        List<String> optional = nulls.propertyNames().stream()
                .filter(name -> !required.contains(name))
                .toList();
        optional.forEach(nulls::putNull);
        ObjectNode absent = nulls.deepCopy();
        optional.forEach(absent::remove);

        var schema = EventSchemas.schema(type.schemaResource());
        assertThat(schema.validate(nulls)).isEmpty();
        assertThat(schema.validate(absent)).isEmpty();
        assertThat(EventJson.read(EventJson.mapper().writeValueAsBytes(absent), type.payloadType()))
                .isEqualTo(EventJson.read(EventJson.mapper().writeValueAsBytes(nulls), type.payloadType()));
    }

    @Test
    void whenStatusIsNotAWireValueThenInvalid() {
        List<Error> errors = validate(EventTypes.CALL_STATUS_REPORTED, json -> json.put("status", "IN_PROGRESS"));

        assertThat(errors)
                .singleElement()
                .satisfies(error ->
                        assertThat(error.getInstanceLocation().toString()).contains("status"));
    }

    @Test
    void whenNestedEnumIsWrongThenInvalid() {
        List<Error> errors = validate(
                EventTypes.CALL_STATE_CHANGED,
                json -> ((ObjectNode) ((ArrayNode) json.get("timeline")).get(0)).put("status", "answered"));

        assertThat(errors)
                .singleElement()
                .satisfies(error ->
                        assertThat(error.getInstanceLocation().toString()).contains("timeline"));
    }

    @Test
    void whenRequiredFieldIsMissingThenInvalid() {
        List<Error> errors = validate(EventTypes.CALL_STATE_CHANGED, json -> json.remove("callId"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getKeyword()).isEqualTo("required");
            assertThat(error.getMessage()).contains("callId");
        });
    }

    @Test
    void whenRequiredFieldIsNullThenInvalid() {
        assertThat(validate(EventTypes.CALL_CHARGED, json -> json.putNull("amount")))
                .hasSize(1);
    }

    @Test
    void whenInstantIsANumberOrNotIsoThenInvalid() {
        assertThat(validate(EventTypes.WALLET_UPDATED, json -> json.put("updatedAt", 1741944413601L)))
                .hasSize(1);
        assertThat(validate(EventTypes.WALLET_UPDATED, json -> json.put("updatedAt", "14/03/2025 09:26")))
                .hasSize(1);
    }

    @Test
    void whenMoneyIsAStringThenInvalid() {
        assertThat(validate(EventTypes.WALLET_TOPPED_UP, json -> json.put("amount", "50.00")))
                .hasSize(1);
    }

    @Test
    void whenCallReportCostIsAStringOrCurrencyIsNotIsoThenInvalid() {
        assertThat(validate(EventTypes.CALL_REPORT_RECEIVED, json -> json.put("cost", "0.1283")))
                .hasSize(1);
        assertThat(validate(EventTypes.CALL_REPORT_RECEIVED, json -> json.put("costCurrency", "usd")))
                .hasSize(1);
    }

    @Test
    void whenARequestFinishesThenItsTerminalStatusIsRequiredAndRoundTrips() {
        var finished = CallRequestOutcome.finished(
                "crm-renewals:2025-03-14:000187",
                "acme",
                "CA9e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f",
                CallStatus.NO_ANSWER,
                null,
                Instant.parse("2025-03-14T09:25:12Z"));
        ObjectNode json = (ObjectNode) EventSchemas.tree(EventJson.write(finished));
        var schema = EventSchemas.schema(EventTypes.CALL_REQUEST_OUTCOME.schemaResource());

        assertThat(json.path("outcome").asString()).isEqualTo("finished");
        assertThat(json.path("finalStatus").asString()).isEqualTo("no-answer");
        assertThat(schema.validate(json)).isEmpty();
        assertThat(EventJson.read(EventJson.write(finished), CallRequestOutcome.class))
                .isEqualTo(finished);
        assertThat(validate(EventTypes.CALL_REQUEST_OUTCOME, outcome -> outcome.put("outcome", "finished")))
                .as("finished without a status")
                .isNotEmpty();
        assertThat(schema.validate(json.deepCopy().put("finalStatus", "in-progress")))
                .as("a status that is not terminal")
                .isNotEmpty();
        assertThat(schema.validate(json.deepCopy().put("durationSeconds", -1))).isNotEmpty();
    }

    @Test
    void whenAnUnknownPropertyIsAddedThenStillValidAndReadable() {
        byte[] golden = EventSchemas.golden(EventTypes.CALL_STATUS_REPORTED.token());
        ObjectNode json = (ObjectNode) EventSchemas.tree(golden);
        json.put("callerName", "ACME CORP");

        assertThat(EventSchemas.schema(EventTypes.CALL_STATUS_REPORTED.schemaResource())
                        .validate(json))
                .isEmpty();
        assertThat(EventJson.read(EventJson.mapper().writeValueAsBytes(json), CallStatusReported.class))
                .isEqualTo(EventJson.read(golden, CallStatusReported.class));
    }

    @Test
    void whenACredentialCarriesAPlaintextOrNoSecretThenInvalid() {
        List<Error> plaintext = validate(
                EventTypes.ACCOUNT_CONFIGURED,
                json -> credential(json).put("sealedSecret", "9f3c2a1b0d8e7f6a5b4c3d2e1f0a9b8c"));
        List<Error> missing =
                validate(EventTypes.ACCOUNT_CONFIGURED, json -> credential(json).remove("sealedSecret"));

        // The nullable credentials list is an anyOf: each branch reports, so look for the pattern error.
        assertThat(plaintext).anySatisfy(error -> {
            assertThat(error.getKeyword()).isEqualTo("pattern");
            assertThat(error.getInstanceLocation().toString()).contains("sealedSecret");
        });
        assertThat(missing).isNotEmpty();
    }

    @Test
    void whenCallRequestHasABadNumberOrMissesAccountThenInvalid() {
        ObjectNode badNumber = callRequest();
        badNumber.put("to", "020 7183 8750");
        ObjectNode noAccount = callRequest();
        noAccount.remove("accountId");

        var schema = EventSchemas.schema(CallRequest.SCHEMA_RESOURCE);
        assertThat(schema.validate(badNumber)).hasSize(1);
        assertThat(schema.validate(noAccount)).hasSize(1);
    }

    private static List<Error> validate(EventType<?> type, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) EventSchemas.tree(EventSchemas.golden(type.token()));
        change.accept(json);
        return EventSchemas.schema(type.schemaResource()).validate(json);
    }

    private static ObjectNode credential(ObjectNode account) {
        return (ObjectNode) ((ArrayNode) account.get("credentials")).get(0);
    }

    private static ObjectNode callRequest() {
        return (ObjectNode) EventSchemas.tree(EventSchemas.golden("call-request.v1"));
    }
}
