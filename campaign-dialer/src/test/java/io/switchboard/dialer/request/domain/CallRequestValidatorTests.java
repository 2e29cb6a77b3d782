package io.switchboard.dialer.request.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerTestSchedules;
import io.switchboard.events.request.MachineDetection;
import io.switchboard.events.request.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallRequestValidatorTests {

    private final CallRequestValidator validator =
            new CallRequestValidator(DialerTestSchedules.schedules(Clock.systemUTC()));

    @Test
    void whenRequestMatchesSchemaAndNumbersAreRealThenValid() {
        var given = CallRequests.valid();

        Validation validation = validator.validate(given.json());

        assertThat(validation).isInstanceOfSatisfying(Validation.Valid.class, valid -> {
            assertThat(valid.request().requestId()).isEqualTo(given.requestId());
            assertThat(valid.request().to()).isEqualTo(CallRequests.TO);
            assertThat(valid.request().metadata()).containsEntry("campaign", "spring-sale");
        });
    }

    @Test
    void whenOptionalFieldsAreNullOrAbsentThenValid() {
        assertThat(validator.validate(CallRequests.valid()
                        .with("assistantId", null)
                        .with("metadata", null)
                        .json()))
                .isInstanceOf(Validation.Valid.class);
        assertThat(validator.validate(CallRequests.valid()
                        .without("assistantId")
                        .without("metadata")
                        .json()))
                .isInstanceOf(Validation.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"requestId", "accountId", "to", "from"})
    void whenRequiredFieldMissingThenRejectionNamesIt(String field) {
        Validation validation =
                validator.validate(CallRequests.valid().without(field).json());

        assertInvalid(validation, field)
                .satisfies(invalid -> assertThat(invalid.reason()).contains(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"to", "from"})
    void whenNumberIsNotE164ThenRejectionNamesIt(String field) {
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with(field, "415-555-2671").json()),
                field);
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with(field, "+0123456789").json()),
                field);
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with(field, 14155552671L).json()),
                field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"to", "from"})
    void whenNumberLooksE164ButIsNoRealNumberThenRejectionNamesIt(String field) {
        Validation validation = validator.validate(
                CallRequests.valid().with(field, "+15550001234").json());

        assertInvalid(validation, field)
                .satisfies(
                        invalid -> assertThat(invalid.reason()).contains("+15550001234 is not a valid phone number"));
    }

    @Test
    void whenIdsBreakTheirPatternsThenRejectionNamesThem() {
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with("requestId", "has space").json()),
                "requestId");
        assertInvalid(
                validator.validate(CallRequests.valid().with("requestId", "").json()), "requestId");
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with("accountId", "acme/../x").json()),
                "accountId");
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with("assistantId", "a".repeat(65)).json()),
                "assistantId");
    }

    @Test
    void whenExpiryIsATimeThenItIsReadAndOtherwiseRejectionNamesIt() {
        assertThat(validator.validate(CallRequests.valid()
                        .with("expiresAt", "2026-12-03T18:00:00+01:00")
                        .json()))
                .isInstanceOfSatisfying(
                        Validation.Valid.class,
                        valid -> assertThat(valid.request().expiresAt())
                                .isEqualTo(java.time.Instant.parse("2026-12-03T17:00:00Z")));
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with("expiresAt", "tomorrow").json()),
                "expiresAt");
        assertInvalid(
                validator.validate(
                        CallRequests.valid().with("expiresAt", 1764780000).json()),
                "expiresAt");
    }

    @Test
    void whenUnknownPropertyThenItIsAcceptedAndIgnored() {
        var given = CallRequests.valid().with("priority", "high").with("campaign", Map.of("id", "spring"));

        assertThat(validator.validate(given.json()))
                .isInstanceOfSatisfying(
                        Validation.Valid.class,
                        valid -> assertThat(valid.request().requestId()).isEqualTo(given.requestId()));
    }

    @Test
    void whenMetadataHasTooManyEntriesThenRejectionNamesMetadata() {
        Map<String, String> metadata = new HashMap<>();
        for (int i = 0; i < 33; i++) {
            metadata.put("k" + i, "v");
        }

        assertInvalid(
                validator.validate(
                        CallRequests.valid().with("metadata", metadata).json()),
                "metadata");
    }

    @Test
    void whenMetadataValueTooLongOrNotTextThenRejectionNamesTheEntry() {
        assertInvalid(
                validator.validate(CallRequests.valid()
                        .with("metadata", Map.of("note", "x".repeat(513)))
                        .json()),
                "metadata.note");
        assertInvalid(
                validator.validate(CallRequests.valid()
                        .with("metadata", Map.of("count", 3))
                        .json()),
                "metadata.count");
    }

    @Test
    void whenAnotherFieldIsAtFaultThenRequestIdAndAccountAreKeptForCorrelation() {
        var given = CallRequests.valid().with("to", "nope");

        assertInvalid(validator.validate(given.json()), "to").satisfies(invalid -> {
            assertThat(invalid.requestId()).isEqualTo(given.requestId());
            assertThat(invalid.accountId()).isEqualTo(given.accountId());
        });
    }

    @Test
    void whenRequestIdItselfIsAtFaultThenItIsNotUsed() {
        assertInvalid(
                        validator.validate(
                                CallRequests.valid().with("requestId", "bad id").json()),
                        "requestId")
                .satisfies(invalid -> assertThat(invalid.requestId()).isNull());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "not json",
                "{\"requestId\":",
                "{} {}",
                "{\"requestId\":\"a\",\"requestId\":\"b\",\"accountId\":\"x\",\"to\":\"+14155552671\",\"from\":\"+14155550123\"}"
            })
    void whenNotJsonThenRejectedForTheWholeRecord(String text) {
        assertInvalid(validator.validate(text.getBytes(StandardCharsets.UTF_8)), null)
                .satisfies(invalid -> assertThat(invalid.reason()).isEqualTo("not JSON"));
    }

    @Test
    void whenBytesAreGarbageOrAbsentThenNotJson() {
        assertInvalid(validator.validate(new byte[] {0, (byte) 0xff, 0x13, 0x37}), null);
        assertInvalid(validator.validate(null), null);
    }

    @Test
    void whenJsonIsNotAnObjectThenRejectedForTheWholeRecord() {
        assertInvalid(validator.validate("[1,2]".getBytes(StandardCharsets.UTF_8)), null)
                .satisfies(invalid -> assertThat(invalid.reason()).startsWith("request: "));
    }

    private static org.assertj.core.api.ObjectAssert<Validation.Invalid> assertInvalid(
            Validation validation, String field) {
        assertThat(validation).isInstanceOf(Validation.Invalid.class);
        var invalid = (Validation.Invalid) validation;
        assertThat(invalid.field()).as("field of %s", invalid).isEqualTo(field);
        return assertThat(invalid);
    }

    @Test
    void whenMachineDetectionIsAskedForThenItsPolicyIsReadAndALeftMessageNeedsItsText() {
        Validation hangUp = validator.validate(CallRequests.valid()
                .with("machineDetection", Map.of("onMachine", "hang-up"))
                .json());
        Validation noMessage = validator.validate(CallRequests.valid()
                .with("machineDetection", Map.of("onMachine", "leave-message"))
                .json());
        Validation unknownPolicy = validator.validate(CallRequests.valid()
                .with("machineDetection", Map.of("onMachine", "ring-back"))
                .json());

        assertThat(hangUp)
                .isInstanceOfSatisfying(
                        Validation.Valid.class,
                        valid -> assertThat(valid.request().machineDetection().onMachine())
                                .isEqualTo(MachineDetection.OnMachine.HANG_UP));
        assertThat(noMessage)
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("machineDetection.message"));
        assertThat(unknownPolicy)
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("machineDetection.onMachine"));
    }

    @Test
    void whenACallingWindowCannotBeKeptThenTheFieldAtFaultIsNamed() {
        var backwards = CallRequests.valid()
                .with("callingWindow", Map.of("days", List.of("MON", "FRI"), "start", "20:00", "end", "09:00"));
        var noDays =
                CallRequests.valid().with("callingWindow", Map.of("days", List.of(), "start", "09:00", "end", "20:00"));
        var valid = CallRequests.valid()
                .with(
                        "callingWindow",
                        Map.of(
                                "days",
                                List.of("MON", "TUE", "WED", "THU", "FRI"),
                                "start",
                                "09:00",
                                "end",
                                "20:00",
                                "blackoutDates",
                                List.of("2026-12-25")));

        assertThat(validator.validate(backwards.json()))
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("callingWindow.end"));
        assertThat(validator.validate(noDays.json()))
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).startsWith("callingWindow"));
        assertThat(validator.validate(valid.json()))
                .isInstanceOfSatisfying(
                        Validation.Valid.class,
                        ok -> assertThat(ok.request().callingWindow().blackoutDates())
                                .containsExactly("2026-12-25"));
    }

    @Test
    void whenARetryPolicyCannotBeKeptThenTheFieldAtFaultIsNamed() {
        var tooSoon =
                CallRequests.valid().with("retry", Map.of("noAnswer", Map.of("maxAttempts", 3, "delaySeconds", 30)));
        var once = CallRequests.valid().with("retry", Map.of("busy", Map.of("maxAttempts", 1, "delaySeconds", 600)));
        var longId = CallRequests.valid()
                .with("requestId", "r".repeat(117))
                .with("retry", Map.of("busy", Map.of("maxAttempts", 2, "delaySeconds", 600)));
        var valid = CallRequests.valid().with("retry", Map.of("busy", Map.of("maxAttempts", 3, "delaySeconds", 900)));

        assertThat(validator.validate(tooSoon.json()))
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("retry.noAnswer.delaySeconds"));
        assertThat(validator.validate(once.json()))
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).startsWith("retry"));
        assertThat(validator.validate(longId.json()))
                .isInstanceOfSatisfying(
                        Validation.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("requestId"));
        assertThat(validator.validate(valid.json()))
                .isInstanceOfSatisfying(
                        Validation.Valid.class,
                        ok -> assertThat(ok.request().retry().after("busy")).isEqualTo(new RetryPolicy.Retry(3, 900)));
    }
}
