package io.switchboard.ingress.provider.twilio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.switchboard.events.envelope.EventIds;
import io.switchboard.ingress.testing.TwilioForms;
import org.junit.jupiter.api.Test;

class TwilioEventIdsTests {

    private final TwilioEventMapper mapper = new TwilioEventMapper(Clock.systemUTC());

    @Test
    void whenIdempotencyTokenIsSentThenItAndTheAccountDeriveTheId() {
        var event = mapper.callStatus(TwilioRequests.withIdempotencyToken(TwilioForms.status("CA1"), "tok-1"));

        assertThat(event.id()).isEqualTo(EventIds.of("twilio", "acme", "tok-1"));
    }

    @Test
    void whenNoTokenThenAccountCallSidStatusAndSequenceDeriveTheId() {
        var event = mapper.callStatus(TwilioRequests.of(TwilioForms.status("CA1")));

        assertThat(event.id()).isEqualTo(EventIds.of("twilio-status", "acme", "CA1", "completed", "3"));
    }

    @Test
    void whenCallbackRepeatedThenSameId() {
        var form = TwilioForms.status("CA1");

        var first = mapper.callStatus(TwilioRequests.of(form));
        var again = mapper.callStatus(TwilioRequests.of(form));
        var firstWithToken = mapper.callStatus(TwilioRequests.withIdempotencyToken(form, "tok-1"));
        var againWithToken = mapper.callStatus(TwilioRequests.withIdempotencyToken(form, "tok-1"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(againWithToken.id()).isEqualTo(firstWithToken.id());
    }

    @Test
    void whenStatusOrSequenceDiffersThenDifferentIds() {
        var ringing = TwilioForms.status("CA1");
        ringing.put("CallStatus", "ringing");
        var laterSequence = TwilioForms.status("CA1");
        laterSequence.put("SequenceNumber", "4");

        var completedId =
                mapper.callStatus(TwilioRequests.of(TwilioForms.status("CA1"))).id();

        assertThat(mapper.callStatus(TwilioRequests.of(ringing)).id()).isNotEqualTo(completedId);
        assertThat(mapper.callStatus(TwilioRequests.of(laterSequence)).id()).isNotEqualTo(completedId);
    }

    @Test
    void whenRecordingCallbackThenIdFromRecordingSidStatusAndTokenWhenSent() {
        var form = TwilioForms.recording("CA1", "RE1");

        assertThat(mapper.recording(TwilioRequests.of(form)).id())
                .isEqualTo(EventIds.of("twilio-recording", "acme", "RE1", "completed"));
        assertThat(mapper.recording(TwilioRequests.withIdempotencyToken(form, "tok-9"))
                        .id())
                .isEqualTo(EventIds.of("twilio-recording", "acme", "RE1", "completed", "tok-9"));
    }

    @Test
    void whenAmdCallbackThenIdFromCallSidAndTokenWhenSent() {
        var form = TwilioForms.amd("CA1");

        assertThat(mapper.answeringMachine(TwilioRequests.of(form)).id())
                .isEqualTo(EventIds.of("twilio-amd", "acme", "CA1"));
        assertThat(mapper.answeringMachine(TwilioRequests.withIdempotencyToken(form, "tok-3"))
                        .id())
                .isEqualTo(EventIds.of("twilio-amd", "acme", "CA1", "tok-3"));
    }

    @Test
    void whenVoiceWebhookRepeatedThenSameInboundCallId() {
        var first = mapper.inboundCall(TwilioRequests.of(TwilioForms.voice("CA7")));
        var again = mapper.inboundCall(TwilioRequests.withIdempotencyToken(TwilioForms.voice("CA7"), "other"));

        assertThat(again.id()).isEqualTo(first.id()).isEqualTo(EventIds.of("twilio-voice", "acme", "CA7"));
    }

    @Test
    void whenTheSameDeliveryComesThroughTwoAccountsThenEveryEventHasAnIdOfItsAccount() {
        // given the same callbacks, byte for byte, verified for acme and for globex
        var status = TwilioForms.status("CA1");
        var recording = TwilioForms.recording("CA1", "RE1");
        var amd = TwilioForms.amd("CA1");
        var voice = TwilioForms.voice("CA1");

        // then no event of one account shares its id with the other's
        assertThat(mapper.callStatus(TwilioRequests.of(status)).id())
                .isNotEqualTo(
                        mapper.callStatus(TwilioRequests.of("globex", status)).id());
        assertThat(mapper.callStatus(TwilioRequests.withIdempotencyToken(status, "tok-1"))
                        .id())
                .isNotEqualTo(mapper.callStatus(TwilioRequests.withIdempotencyToken("globex", status, "tok-1"))
                        .id());
        assertThat(mapper.recording(TwilioRequests.of(recording)).id())
                .isNotEqualTo(
                        mapper.recording(TwilioRequests.of("globex", recording)).id());
        assertThat(mapper.recording(TwilioRequests.withIdempotencyToken(recording, "tok-2"))
                        .id())
                .isNotEqualTo(mapper.recording(TwilioRequests.withIdempotencyToken("globex", recording, "tok-2"))
                        .id());
        assertThat(mapper.answeringMachine(TwilioRequests.of(amd)).id())
                .isNotEqualTo(mapper.answeringMachine(TwilioRequests.of("globex", amd))
                        .id());
        assertThat(mapper.inboundCall(TwilioRequests.of(voice)).id())
                .isNotEqualTo(
                        mapper.inboundCall(TwilioRequests.of("globex", voice)).id());
        assertThat(mapper.routingRequest(TwilioRequests.of(voice)).id())
                .isNotEqualTo(mapper.routingRequest(TwilioRequests.of("globex", voice))
                        .id());
        assertThat(mapper.callStatus(TwilioRequests.of("globex", status)).id())
                .isEqualTo(EventIds.of("twilio-status", "globex", "CA1", "completed", "3"));
    }
}
