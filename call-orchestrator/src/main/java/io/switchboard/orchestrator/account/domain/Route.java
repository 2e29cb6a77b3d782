package io.switchboard.orchestrator.account.domain;

/** Where a call to one of our numbers goes: the owning account and the assistant answering it. */
public record Route(String accountId, Assistant assistant) {}
