package io.switchboard.orchestrator.routing.domain;

/** How to answer one inbound call; {@code assistantId} is null when no assistant takes it. */
public record RoutingDecision(String callId, String assistantId, AnswerDocument answer) {}
