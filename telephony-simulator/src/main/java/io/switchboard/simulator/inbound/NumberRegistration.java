package io.switchboard.simulator.inbound;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code PUT /simulator/numbers/{number}}. */
record NumberRegistration(
        @NotBlank String accountSid, @NotBlank String voiceUrl, String statusCallback) {}
