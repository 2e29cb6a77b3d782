package io.switchboard.ingress.provider.vapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.provider.AssistantHangReported;
import io.switchboard.events.provider.CallReportReceived;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.provider.InboundCallReceived;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.api.Test;

class VapiEventMapperTests {

    private static final Instant NOW = Instant.parse("2024-08-14T00:27:15.012Z");
    private static final String CALL = "3f7c9a2e-1b4d-4e8f-9a6c-5d2e8b1f7a03";

    private final VapiEventMapper mapper = new VapiEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whenStatusUpdateIsLiveThenOneCallStatusWithTheMessagesTime() {
        // when
        OutgoingEvent<CallStatusReported> event = mapper.status(
                        "acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "in-progress")))
                .orElseThrow();

        // then
        assertThat(event.type()).isEqualTo(EventTypes.CALL_STATUS_REPORTED);
        assertThat(event.subject()).isEqualTo(CALL);
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1723595109412L));
        assertThat(event.id()).isEqualTo(VapiEventIds.status("acme", CALL, "in-progress"));
        assertThat(event.payload())
                .isEqualTo(new CallStatusReported(
                        "vapi",
                        "acme",
                        VapiMessages.ORG_ID,
                        CALL,
                        CallStatus.IN_PROGRESS,
                        CallDirection.INBOUND,
                        VapiMessages.CUSTOMER_NUMBER,
                        VapiMessages.PHONE_NUMBER,
                        null,
                        null,
                        Instant.ofEpochMilli(1723595109412L),
                        null,
                        null,
                        null,
                        NOW));
    }

    @Test
    void whenStatusUpdateEndsTheCallThenTheReasonPicksTheStatusAndTheDurationIsSet() {
        // when
        CallStatusReported busy = mapper.status(
                        "acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "ended", "customer-busy")))
                .orElseThrow()
                .payload();

        // then 00:25:00.503 → 00:27:04.901 is 124.4 s, billed as 125
        assertThat(busy.status()).isEqualTo(CallStatus.BUSY);
        assertThat(busy.durationSeconds()).isEqualTo(125);
    }

    @Test
    void whenStatusRepeatsThenTheSameIdAndOtherStatusesGetOtherIds() {
        var first = mapper.status("acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "ringing")))
                .orElseThrow();
        var again = mapper.status("acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "ringing")))
                .orElseThrow();
        var queued = mapper.status("acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "queued")))
                .orElseThrow();
        var scheduled = mapper.status("acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "scheduled")))
                .orElseThrow();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(queued.id()).isNotEqualTo(first.id()).isNotEqualTo(scheduled.id());
    }

    @Test
    void whenStatusIsNotACallStateThenNoEvent() {
        assertThat(mapper.status("acme", VapiMessage.read(VapiMessages.statusUpdate(CALL, "not-found"))))
                .isEmpty();
    }

    @Test
    void whenStatusIsMissingThenBadWebhook() {
        byte[] body = ("{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"" + CALL + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> mapper.status("acme", VapiMessage.read(body)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("message.status is required");
    }

    @Test
    void whenEndOfCallReportThenTranscriptSummaryRecordingCostAndDuration() {
        // when
        OutgoingEvent<CallReportReceived> event =
                mapper.report("acme", VapiMessage.read(VapiMessages.endOfCallReport(CALL)));

        // then
        assertThat(event.type()).isEqualTo(EventTypes.CALL_REPORT_RECEIVED);
        assertThat(event.id()).isEqualTo(VapiEventIds.report("acme", CALL));
        assertThat(event.payload())
                .isEqualTo(new CallReportReceived(
                        "vapi",
                        "acme",
                        CALL,
                        "customer-ended-call",
                        "AI: Thanks for calling Acme, how can I help?\nUser: I'd like to move my delivery to Friday.\n"
                                + "AI: Done, your delivery is now on Friday.",
                        "The caller asked to move a delivery to Friday; the assistant rescheduled it.",
                        "https://storage.vapi.ai/" + CALL + "-1723595225046-mono.wav",
                        new BigDecimal("0.1283"),
                        "USD",
                        125,
                        Instant.parse("2024-08-14T00:25:00.503Z"),
                        Instant.parse("2024-08-14T00:27:04.901Z"),
                        NOW));
    }

    @Test
    void whenEndOfCallReportHasTheOlderShapeThenItsTopLevelFieldsAreUsed() {
        // when
        CallReportReceived report = mapper.report("acme", VapiMessage.read(VapiMessages.legacyEndOfCallReport(CALL)))
                .payload();

        // then
        assertThat(report.endedReason()).isEqualTo("customer-busy");
        assertThat(report.transcript()).isNull();
        assertThat(report.summary()).isEqualTo("The customer was busy.");
        assertThat(report.recordingUrl()).endsWith(CALL + "-mono.wav");
        assertThat(report.cost()).isEqualByComparingTo("0.0025");
        assertThat(report.durationSeconds()).isEqualTo(4);
        assertThat(report.startedAt()).isNull();
    }

    @Test
    void whenHangRepeatsThenTheSameIdAndAnotherHangOfTheCallAnotherId() {
        // given
        byte[] hang = VapiMessages.hang(CALL);
        byte[] later = new String(hang, StandardCharsets.UTF_8)
                .replace("1723595160031", "1723595190031")
                .getBytes(StandardCharsets.UTF_8);

        // when
        OutgoingEvent<AssistantHangReported> first = mapper.hang("acme", VapiMessage.read(hang), hang);

        // then
        assertThat(first.type()).isEqualTo(EventTypes.ASSISTANT_HANG_REPORTED);
        assertThat(first.payload())
                .isEqualTo(new AssistantHangReported("vapi", "acme", CALL, Instant.ofEpochMilli(1723595160031L), NOW));
        assertThat(mapper.hang("acme", VapiMessage.read(hang), hang).id()).isEqualTo(first.id());
        assertThat(mapper.hang("acme", VapiMessage.read(later), later).id()).isNotEqualTo(first.id());
    }

    @Test
    void whenAssistantRequestThenAnInboundCallAndARoutingRequestFromTheCustomerToOurNumber() {
        // given
        VapiMessage message = VapiMessage.read(VapiMessages.assistantRequest(CALL));

        // when
        OutgoingEvent<InboundCallReceived> inbound = mapper.inboundCall("acme", message);
        OutgoingEvent<RoutingRequested> routing = mapper.routingRequest("acme", message);

        // then
        assertThat(inbound.payload())
                .isEqualTo(new InboundCallReceived(
                        "vapi",
                        "acme",
                        VapiMessages.ORG_ID,
                        CALL,
                        VapiMessages.CUSTOMER_NUMBER,
                        VapiMessages.PHONE_NUMBER,
                        NOW));
        assertThat(inbound.id()).isEqualTo(VapiEventIds.inboundCall("acme", CALL));
        assertThat(routing.payload())
                .isEqualTo(new RoutingRequested(
                        "vapi", "acme", CALL, VapiMessages.CUSTOMER_NUMBER, VapiMessages.PHONE_NUMBER, NOW));
        assertThat(routing.subject()).isEqualTo(CALL);
    }

    @Test
    void whenAssistantRequestNamesNoNumberOfOursThenBadWebhook() {
        byte[] body = ("{\"message\":{\"type\":\"assistant-request\",\"call\":{\"id\":\"" + CALL + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> mapper.routingRequest("acme", VapiMessage.read(body)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("message.phoneNumber.number is required");
    }

    @Test
    void whenTheSameMessageComesThroughTwoAccountsThenEveryEventHasAnIdOfItsAccount() {
        // given the same messages, byte for byte, verified for acme and for globex
        VapiMessage status = VapiMessage.read(VapiMessages.statusUpdate(CALL, "ringing"));
        byte[] hang = VapiMessages.hang(CALL);
        VapiMessage request = VapiMessage.read(VapiMessages.assistantRequest(CALL));

        // then no event of one account shares its id with the other's
        assertThat(mapper.status("acme", status).orElseThrow().id())
                .isNotEqualTo(mapper.status("globex", status).orElseThrow().id());
        assertThat(mapper.hang("acme", VapiMessage.read(hang), hang).id())
                .isNotEqualTo(
                        mapper.hang("globex", VapiMessage.read(hang), hang).id());
        assertThat(mapper.inboundCall("acme", request).id())
                .isNotEqualTo(mapper.inboundCall("globex", request).id());
        assertThat(mapper.routingRequest("acme", request).id())
                .isNotEqualTo(mapper.routingRequest("globex", request).id());
        assertThat(VapiEventIds.report("acme", CALL)).isNotEqualTo(VapiEventIds.report("globex", CALL));
    }
}
