package io.switchboard.orchestrator.account.domain;

/** An AI assistant, reached through a media stream (ws:// or wss://). */
public record Assistant(String assistantId, String name, String streamUrl) {}
