package io.switchboard.ingress.testing.fuzz;

import java.time.Duration;

/**
 * The ingress's limits the fuzz goes beyond.
 *
 * @param maxBodyBytes     Twilio bodies ({@code switchboard.ingress.max-body-size})
 * @param vapiMaxBodyBytes VAPI bodies ({@code switchboard.ingress.vapi.max-body-size})
 * @param bodyTimeout      how long a body may take to arrive ({@code switchboard.ingress.body-timeout})
 */
public record FuzzLimits(int maxBodyBytes, int vapiMaxBodyBytes, Duration bodyTimeout) {}
