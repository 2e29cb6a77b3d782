package io.switchboard.events.provider;

import java.time.Instant;

/** A provider asked us how to answer a call to one of our numbers (Twilio: the voice URL). */
public record InboundCallReceived(
        String provider,
        String accountId,
        String providerAccountId,
        String callId,
        String from,
        String to,
        Instant receivedAt) {}
