package io.switchboard.events.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.switchboard.events.dialer.QueuedCallRecorded.Step;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import org.junit.jupiter.api.Test;

class QueuedCallRecordedTests {

    private static final Instant RECEIVED = Instant.parse("2025-03-14T09:24:39.512Z");
    private static final Instant QUEUED_AT = Instant.parse("2025-03-14T09:24:39.874Z");
    private static final Instant AT = Instant.parse("2025-03-14T09:24:40.218Z");
    private static final String PROVIDER_ACCOUNT = "twilio/AC3f1a9c0b7d2e4f6a8b0c1d2e3f4a5b6c";

    private final CallRequest request = new CallRequest(
            "crm-renewals:2025-03-14:000187",
            "acme",
            "+442071838750",
            "+14155550100",
            "renewals-agent",
            Map.of("campaign", "spring-renewals"),
            Instant.parse("2025-03-14T17:00:00Z"),
            600,
            new MachineDetection(MachineDetection.OnMachine.LEAVE_MESSAGE, "Please call us back."),
            null,
            null,
            null,
            null);

    private final QueuedCallRecorded queued =
            QueuedCallRecorded.queued(request, PROVIDER_ACCOUNT, RECEIVED, 600, QUEUED_AT);

    @Test
    void whenQueuedIsWrittenAndReadThenItIsUnchanged() {
        QueuedCallRecorded read = EventJson.read(EventJson.write(queued), QueuedCallRecorded.class);

        assertThat(read).isEqualTo(queued);
        assertThat(read.request()).isEqualTo(request);
        assertThat(read.requestId()).isEqualTo(request.requestId());
        assertThat(read.accountId()).isEqualTo(request.accountId());
    }

    @Test
    void whenALaterStepIsRecordedThenItKeepsTheRequestsIdentityAndAttemptButNotTheRequest() {
        var later = new QueuedCallRecorded[] {
            queued.dialing(2, AT),
            queued.placed(2, "CA9e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f", AT.plusSeconds(900), AT),
            queued.deferred(2, "rate-limited", AT.plusSeconds(1), AT),
            queued.rejected(2, "expired", AT)
        };

        assertThat(later).allSatisfy(step -> {
            assertThat(step.requestId()).isEqualTo(queued.requestId());
            assertThat(step.accountId()).isEqualTo(queued.accountId());
            assertThat(step.providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
            assertThat(step.attempt()).isEqualTo(2);
            assertThat(step.recordedAt()).isEqualTo(AT);
            assertThat(step.request()).isNull();
            assertThat(step.receivedAt()).isNull();
            assertThat(step.timeLimitSeconds()).isNull();
            assertThat(EventJson.read(EventJson.write(step), QueuedCallRecorded.class))
                    .isEqualTo(step);
        });
        assertThat(later)
                .extracting(QueuedCallRecorded::step)
                .containsExactly(Step.DIALING, Step.PLACED, Step.DEFERRED, Step.REJECTED);
    }

    @Test
    void whenStepsAreWrittenThenTheirWireValuesAreLowerCase() {
        for (Step step : Step.values()) {
            String wire = EventJson.mapper().valueToTree(step).asString();

            assertThat(wire).isEqualTo(step.name().toLowerCase(Locale.ROOT));
            assertThat(Step.fromWire(wire)).isSameAs(step);
        }
        assertThat(new String(EventJson.write(queued.dialing(1, AT)), StandardCharsets.UTF_8))
                .contains("\"step\":\"dialing\"");
    }

    @Test
    void whenGroupedThenTheKeyIsTheProviderAndItsAccountId() {
        assertThat(QueuedCallRecorded.groupOf("twilio", "AC1")).isEqualTo("twilio/AC1");
    }
}
