package io.switchboard.orchestrator.routing.domain;

/** What the provider is told to do with a call, ready to send as the webhook's response body. */
public record AnswerDocument(String contentType, String body) {}
