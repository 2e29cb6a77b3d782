package io.switchboard.orchestrator.account.domain;

/** A number an account owns (E.164) and the assistant that answers it. */
public record AccountNumber(String number, String assistantId) {}
