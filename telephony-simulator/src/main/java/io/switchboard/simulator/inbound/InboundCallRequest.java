package io.switchboard.simulator.inbound;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /simulator/inbound-calls}: who calls which of our numbers. */
record InboundCallRequest(@NotBlank String from, @NotBlank String to) {}
