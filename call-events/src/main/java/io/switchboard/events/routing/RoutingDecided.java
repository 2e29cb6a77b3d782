package io.switchboard.events.routing;

import java.time.Instant;

/**
 * How to answer an inbound call: the assistant chosen (null when none) and the provider's answer
 * document (TwiML for Twilio) ready to send.
 */
public record RoutingDecided(
        String callId, String assistantId, String answerContentType, String answerDocument, Instant decidedAt) {}
