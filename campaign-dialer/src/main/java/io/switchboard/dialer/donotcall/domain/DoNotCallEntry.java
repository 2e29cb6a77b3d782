package io.switchboard.dialer.donotcall.domain;

import java.time.Instant;

/** A number on an account's do-not-call list. */
public record DoNotCallEntry(String accountId, String number, String reason, Instant listedAt, String listedBy) {}
